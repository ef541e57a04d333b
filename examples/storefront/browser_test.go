package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/marketkit/marketkit/pricing"
)

// chromiumPath is Debian's Chromium (apt-get install chromium; .ci/run
// installs it).
const chromiumPath = "/usr/bin/chromium"

// browserUA is a desktop browser's User-Agent: the headless default names
// "HeadlessChrome", which the web layer rightly treats as a crawler (never
// redirected from "/").
const browserUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"

// screenshotFile, when set (STOREFRONT_SCREENSHOT=docs/storefront.png),
// is where the browser test also saves the listing screenshot for the
// README.
var screenshotFile = os.Getenv("STOREFRONT_SCREENSHOT")

func newBrowser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		p, lerr := exec.LookPath("chromium")
		if lerr != nil {
			t.Skipf("Chromium is not installed (%s: %v; apt-get install chromium): skipping the browser test", chromiumPath, err)
		}
		path = p
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("no-sandbox", true), // CI runs as root
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 900),
	}
	// The deadline bounds the whole browser: when it passes, the browser
	// stops and the test fails instead of hanging.
	actx, cancelTimeout := context.WithTimeout(context.Background(), timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(actx, opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc(); cancelTimeout() })
	return ctx
}

// waitLocation polls the page's URL until match accepts it.
func waitLocation(ctx context.Context, match func(string) bool) (string, error) {
	var loc string
	for range 200 {
		l, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			return "", err
		}
		if loc = l; match(l) {
			_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := chromedp.WaitReady(chromedp.CSS("footer"))(ctx, t)
				return err
			}))
			return l, err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return loc, errors.New("the page did not change to the expected URL")
}

// TestBrowser drives Debian's Chromium through the shop as a customer:
// arrive at / with a German Accept-Language and land on /de/, switch to
// Switzerland in French, filter and sort a listing, put two products in
// the cart, enter a Swiss address with a wrong postal code, see the error
// beside the field, fix it, place the order and see CHF and Swiss VAT on
// the confirmation. Screenshots go to the test's artifact directory
// (go test -artifacts keeps them).
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t, 55*time.Second)
	base := shared(t)
	shots := t.ArtifactDir()
	shot := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// Accept-Language through the protocol: --lang does not reach the
	// headers of a headless browser.
	must("start", chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
			UserAgent: browserUA, AcceptLanguage: "de-DE,de;q=0.9,en;q=0.5",
		})
		return err
	})))

	// 1. Detection: / redirects a German visitor to /de/.
	must("open /", chromedp.Do(ctx, chromedp.Navigate(base+"/")))
	loc, err := waitLocation(ctx, func(l string) bool { return strings.HasSuffix(l, "/de/") })
	must("land on /de/ (at "+loc+")", err)
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	must("lang", err)
	if lang != "de-DE" {
		t.Errorf("lang = %q, want de-DE", lang)
	}
	shot("1-de")

	// 2. The switcher: Switzerland, in French.
	must("switch", chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("sw-market"), "ch"),
		chromedp.SetValue(chromedp.ID("sw-locale"), "fr"),
		chromedp.Click(chromedp.CSS("form.switch button")),
	))
	_, err = waitLocation(ctx, func(l string) bool { return strings.HasSuffix(l, "/ch/fr/") })
	must("land on /ch/fr/", err)

	// 3. A listing, filtered (red) and sorted (price, lowest first).
	must("category", chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.cats a[href="/ch/fr/c/mugs"]`))))
	_, err = waitLocation(ctx, func(l string) bool { return strings.HasSuffix(l, "/ch/fr/c/mugs") })
	must("mugs", err)
	must("filter", chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("f-color-red")),
		chromedp.SetValue(chromedp.ID("sort"), "price"),
		chromedp.Click(chromedp.ID("apply")),
	))
	listing, err := waitLocation(ctx, func(l string) bool { return strings.Contains(l, "f.color=red") && strings.Contains(l, "sort=price") })
	must("filtered listing", err)
	prices, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.item .price")].map(e => e.textContent)`))
	must("prices", err)
	if len(prices) < 2 {
		t.Fatalf("%d red mugs listed, want at least 2", len(prices))
	}
	var prev pricing.Fixed
	for i, p := range prices {
		if !strings.Contains(p, "CHF") {
			t.Errorf("price %q is not in CHF", p)
		}
		a := amount(t, p)
		if i > 0 && a.Cmp(prev) < 0 {
			t.Errorf("prices not sorted: %v", prices)
		}
		prev = a
	}
	shot("2-listing")
	if screenshotFile != "" {
		b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		must("README screenshot", err)
		must("README screenshot", os.WriteFile(screenshotFile, b, 0o644))
	}

	// Readable on a phone: at 390 px nothing is wider than the screen.
	must("phone viewport", chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)))
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	must("phone width", err)
	if overflow > 0 {
		t.Errorf("at 390 px the listing is %d px wider than the screen", overflow)
	}
	shot("2-listing-phone")
	must("desktop viewport", chromedp.Do(ctx, chromedp.EmulateViewport(1100, 900)))

	// 4. Two products into the cart.
	for i := 1; i <= 2; i++ {
		if i > 1 {
			must("back to the listing", chromedp.Do(ctx, chromedp.Navigate(listing)))
			_, err = waitLocation(ctx, func(l string) bool { return l == listing })
			must("listing", err)
		}
		sel := chromedp.CSS("li.item:nth-of-type(" + string(rune('0'+i)) + ") a")
		must("product", chromedp.Do(ctx, chromedp.Click(sel)))
		_, err = waitLocation(ctx, func(l string) bool { return strings.Contains(l, "/ch/fr/p/") })
		must("product page", err)
		must("add", chromedp.Do(ctx, chromedp.Click(chromedp.ID("add"))))
		_, err = waitLocation(ctx, func(l string) bool { return strings.HasSuffix(l, "/ch/fr/cart") })
		must("cart", err)
	}
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".cartlink .count")))
	must("cart count", err)
	if strings.TrimSpace(count) != "2" {
		t.Errorf("cart count %q, want 2", count)
	}
	shot("3-cart")

	// 5. Checkout with a wrong postal code: the error beside the field.
	must("checkout", chromedp.Do(ctx, chromedp.Click(chromedp.ID("to-checkout"))))
	_, err = waitLocation(ctx, func(l string) bool { return strings.HasSuffix(l, "/ch/fr/checkout") })
	must("checkout page", err)
	must("address", chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("email"), "lea@example.ch"),
		chromedp.SetValue(chromedp.ID("addr-name"), "Léa Favre"),
		chromedp.SetValue(chromedp.ID("addr-address-lines"), "Rue du Rhône 1"),
		chromedp.SetValue(chromedp.ID("addr-postal-code"), "12"),
		chromedp.SetValue(chromedp.ID("addr-locality"), "Genève"),
		chromedp.SetValue(chromedp.ID("phone"), "022 345 67 89"),
		chromedp.Click(chromedp.ID("place")),
		chromedp.WaitVisible(chromedp.ID("addr-postal-code-error")),
	))
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("addr-postal-code-error")))
	must("error text", err)
	if !strings.Contains(msg, "Code postal") {
		t.Errorf("postal code error %q", msg)
	}
	beside, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("addr-postal-code").parentElement.contains(document.getElementById("addr-postal-code-error"))`))
	must("error placement", err)
	if !beside {
		t.Error("the postal code error is not beside its field")
	}
	shot("4-postal-code-error")

	// 6. Fix it, place the order: CHF and Swiss VAT on the confirmation.
	must("fix", chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("addr-postal-code"), "1204"),
		chromedp.Click(chromedp.ID("place")),
	))
	_, err = waitLocation(ctx, func(l string) bool { return strings.Contains(l, "/ch/fr/orders/") })
	must("confirmation", err)
	total, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("dd.grand")))
	must("total", err)
	taxes, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("table.taxes")))
	must("taxes", err)
	if !strings.Contains(total, "CHF") {
		t.Errorf("total %q is not in CHF", total)
	}
	if !strings.Contains(taxes, "TVA 8,1") {
		t.Errorf("no Swiss VAT (TVA 8,1 %%) in %q", taxes)
	}
	shot("5-confirmation")
}
