package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/marketkit/marketkit/store"
)

func init() {
	register(command{Name: "fleet", Summary: "plan a rollout, check drift, or write Kubernetes manifests for a fleet of markets", Run: runFleet})
}

const fleetUsage = `usage: marketkit fleet <plan|status|manifests> [flags] CONFIG

  plan       the rollout order for a change that must reach every market: each
             market's next maintenance window, in its own time zone and in UTC
             (flags: --at RFC3339 instant, default now; --json)
  status     asks each instance's /healthz and reports configuration drift (more
             than one configuration hash or build live), markets that are down and
             markets whose configuration is stale (flags: --front URL serves the
             markets without an origin; --timeout; --json). Exit status 1 on drift,
             a market down or stale.
  manifests  Kubernetes objects for the isolated markets (those with an origin, or
             every market with --all): a Deployment, Service and PersistentVolumeClaim
             per market, a backup CronJob in the market's time zone, and the
             configuration as a ConfigMap, written as one JSON "List" that kubectl
             apply -f accepts (flags: --image, --namespace, --all)
`

func runFleet(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, fleetUsage)
		return 2
	}
	switch args[0] {
	case "plan":
		return fleetPlan(args[1:], stdout, stderr)
	case "status":
		return fleetStatus(ctx, args[1:], stdout, stderr)
	case "manifests":
		return fleetManifests(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, fleetUsage)
		return 0
	}
	fmt.Fprintf(stderr, "marketkit fleet: unknown subcommand %q\n\n%s", args[0], fleetUsage)
	return 2
}

// parseInterleaved parses flags that may come before or after the
// positional arguments ("fleet plan CONFIG --json").
func parseInterleaved(fs *flag.FlagSet, args []string) error {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	return fs.Parse(append(flags, pos...))
}

// loadConfig reads and checks a configuration file: a fleet command works
// only on a configuration that Check accepts (warnings allowed).
func loadConfig(path string) (*store.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg, err := store.Decode(data)
	if err != nil {
		return nil, err
	}
	if r := store.Check(cfg, nil); r.Errors() > 0 {
		return nil, fmt.Errorf("%s has %d errors: run marketkit check %s", path, r.Errors(), path)
	}
	return cfg, nil
}

// A planStep is one market's place in a rollout.
type planStep struct {
	Order    int       `json:"order"`
	Market   string    `json:"market"`
	TimeZone string    `json:"time_zone"`
	Start    time.Time `json:"start,omitzero"`     // in the market's zone
	End      time.Time `json:"end,omitzero"`       // in the market's zone
	StartUTC time.Time `json:"start_utc,omitzero"` // the same instant in UTC
	// NoWindow is set for a market without a maintenance window: it has
	// to be given a slot by hand, so it comes last.
	NoWindow bool `json:"no_window,omitempty"`
	// Now is set when the market is in maintenance at the plan's instant
	// (a window in progress or the operator's switch).
	Now bool `json:"now,omitempty"`
}

// plan orders the markets by the start of their next maintenance window
// after at (a window in progress counts from at); markets without a
// window come last, by ID.
func plan(cfg *store.Config, at time.Time) ([]planStep, error) {
	var steps []planStep
	for _, id := range cfg.MarketIDs() {
		m, _ := cfg.Market(id)
		loc, err := m.Location()
		if err != nil {
			return nil, fmt.Errorf("market %s: %w", id, err)
		}
		s := planStep{Market: id, TimeZone: m.TimeZone}
		start, end, ok := m.NextMaintenance(at, loc)
		switch {
		case m.Maintenance.Now:
			s.Now = true
			s.Start, s.StartUTC = at.In(loc), at.UTC()
		case ok:
			s.Now = !start.After(at)
			s.Start, s.End, s.StartUTC = start.In(loc), end.In(loc), start.UTC()
		default:
			s.NoWindow = true
		}
		steps = append(steps, s)
	}
	slices.SortStableFunc(steps, func(a, b planStep) int {
		switch {
		case a.NoWindow != b.NoWindow:
			if a.NoWindow {
				return 1
			}
			return -1
		case !a.StartUTC.Equal(b.StartUTC):
			return a.StartUTC.Compare(b.StartUTC)
		}
		return strings.Compare(a.Market, b.Market)
	})
	for i := range steps {
		steps[i].Order = i + 1
	}
	return steps, nil
}

func fleetPlan(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fleet plan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	atFlag := fs.String("at", "", "plan from this `instant` (RFC 3339; default now)")
	asJSON := fs.Bool("json", false, "print the plan as JSON")
	if err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, fleetUsage)
		return 2
	}
	at := time.Now()
	if *atFlag != "" {
		t, err := time.Parse(time.RFC3339, *atFlag)
		if err != nil {
			fmt.Fprintf(stderr, "marketkit fleet plan: --at %q: want an RFC 3339 instant such as 2026-12-07T00:00:00Z\n", *atFlag)
			return 2
		}
		at = t
	}
	cfg, err := loadConfig(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "marketkit fleet plan:", err)
		return 2
	}
	steps, err := plan(cfg, at)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit fleet plan:", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(steps); err != nil {
			fmt.Fprintln(stderr, "marketkit fleet plan:", err)
			return 2
		}
		return 0
	}
	fmt.Fprintf(stdout, "rollout from %s, in maintenance-window order:\n", at.UTC().Format(time.RFC3339))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tmarket\tlocal window\ttime zone\tUTC start")
	for _, s := range steps {
		switch {
		case s.NoWindow:
			fmt.Fprintf(tw, "%d\t%s\tno maintenance window: agree a slot by hand\t%s\t-\n", s.Order, s.Market, s.TimeZone)
		case s.Now && s.End.IsZero():
			fmt.Fprintf(tw, "%d\t%s\tin maintenance now (operator switch)\t%s\t%s\n", s.Order, s.Market, s.TimeZone, s.StartUTC.Format("Mon 2006-01-02 15:04"))
		default:
			now := ""
			if s.Now {
				now = " (in progress)"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s–%s%s\t%s\t%s\n", s.Order, s.Market,
				s.Start.Format("Mon 2006-01-02 15:04"), s.End.Format("15:04 -07:00"), now, s.TimeZone, s.StartUTC.Format("Mon 2006-01-02 15:04"))
		}
	}
	tw.Flush()
	return 0
}

// instanceHealth is the /healthz document every marketkit instance serves
// (examples/storefront and examples/percountry write it): the build, the
// markets it serves and the state of its configuration cache.
type instanceHealth struct {
	Status  string   `json:"status"` // "ok", or "maintenance"
	Build   string   `json:"build"`
	Markets []string `json:"markets"`
	Config  struct {
		Version string `json:"version"`
		Hash    string `json:"hash"`
		Stale   bool   `json:"stale"`
	} `json:"config"`
}

// A marketStatus is what fleet status found for one market.
type marketStatus struct {
	Market        string `json:"market"`
	URL           string `json:"url"`
	Up            bool   `json:"up"`
	Error         string `json:"error,omitempty"`
	Build         string `json:"build,omitempty"`
	ConfigVersion string `json:"config_version,omitempty"`
	ConfigHash    string `json:"config_hash,omitempty"`
	Stale         bool   `json:"stale,omitempty"`
	// Serves is false when the instance answered but does not list the
	// market among those it serves.
	Serves bool `json:"serves"`
}

// fleetReport is the whole answer of fleet status.
type fleetReport struct {
	Markets []marketStatus `json:"markets"`
	// Hashes and Builds list the distinct configuration hashes and builds
	// that live instances report; more than one of either is drift.
	Hashes []string `json:"config_hashes"`
	Builds []string `json:"builds"`
	// Expected is the hash of the configuration file fleet status read.
	Expected string   `json:"expected_hash"`
	Problems []string `json:"problems"`
}

// healthURL is where market m's instance answers: its origin, or front
// for markets this process serves.
func healthURL(m *store.Market, front string) (string, error) {
	base := m.Origin
	if base == "" {
		base = front
	}
	if base == "" {
		return "", errors.New("no origin and no --front")
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an absolute http(s) URL", base)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/healthz"
	u.RawQuery = ""
	return u.String(), nil
}

// maxHealthBytes bounds a /healthz answer that fleet status reads.
const maxHealthBytes = 1 << 20

func probe(ctx context.Context, client *http.Client, u string) (instanceHealth, error) {
	var h instanceHealth
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return h, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return h, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxHealthBytes+1))
	if err != nil {
		return h, err
	}
	if len(body) > maxHealthBytes {
		return h, fmt.Errorf("health document over %d bytes", maxHealthBytes)
	}
	if err := json.Unmarshal(body, &h); err != nil {
		return h, fmt.Errorf("HTTP %d, not a health document: %v", resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK && h.Status != "maintenance" {
		return h, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return h, nil
}

// status asks every market's instance for its health, one request per
// distinct URL, concurrently.
func status(ctx context.Context, cfg *store.Config, front string, client *http.Client) fleetReport {
	rep := fleetReport{Expected: cfg.Hash(), Hashes: []string{}, Builds: []string{}, Problems: []string{}}
	type answer struct {
		h   instanceHealth
		err error
	}
	urls := map[string]*answer{}
	byMarket := map[string]string{}
	for _, id := range cfg.MarketIDs() {
		m, _ := cfg.Market(id)
		u, err := healthURL(m, front)
		if err != nil {
			rep.Markets = append(rep.Markets, marketStatus{Market: id, Error: err.Error()})
			continue
		}
		byMarket[id] = u
		urls[u] = nil
	}
	list := make([]string, 0, len(urls))
	for u := range urls {
		list = append(list, u)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, u := range list {
		wg.Go(func() {
			h, err := probe(ctx, client, u)
			mu.Lock()
			urls[u] = &answer{h, err}
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, id := range cfg.MarketIDs() {
		u, ok := byMarket[id]
		if !ok {
			continue
		}
		a := urls[u]
		s := marketStatus{Market: id, URL: u}
		if a.err != nil {
			s.Error = a.err.Error()
		} else {
			s.Up = true
			s.Build, s.ConfigVersion, s.ConfigHash, s.Stale = a.h.Build, a.h.Config.Version, a.h.Config.Hash, a.h.Config.Stale
			s.Serves = slices.Contains(a.h.Markets, id)
			if !slices.Contains(rep.Hashes, s.ConfigHash) {
				rep.Hashes = append(rep.Hashes, s.ConfigHash)
			}
			if !slices.Contains(rep.Builds, s.Build) {
				rep.Builds = append(rep.Builds, s.Build)
			}
		}
		rep.Markets = append(rep.Markets, s)
	}
	slices.SortFunc(rep.Markets, func(a, b marketStatus) int { return strings.Compare(a.Market, b.Market) })
	slices.Sort(rep.Hashes)
	slices.Sort(rep.Builds)
	for _, s := range rep.Markets {
		switch {
		case !s.Up:
			rep.Problems = append(rep.Problems, fmt.Sprintf("market %s is down: %s", s.Market, s.Error))
		case !s.Serves:
			rep.Problems = append(rep.Problems, fmt.Sprintf("market %s: the instance at %s does not serve it", s.Market, s.URL))
		case s.Stale:
			rep.Problems = append(rep.Problems, fmt.Sprintf("market %s serves a stale configuration (version %s)", s.Market, s.ConfigVersion))
		}
	}
	if len(rep.Hashes) > 1 {
		rep.Problems = append(rep.Problems, fmt.Sprintf("configuration drift: %d configuration hashes live (%s)", len(rep.Hashes), shortList(rep.Hashes)))
	}
	if len(rep.Builds) > 1 {
		rep.Problems = append(rep.Problems, fmt.Sprintf("build drift: %d builds live (%s)", len(rep.Builds), strings.Join(rep.Builds, ", ")))
	}
	if len(rep.Hashes) == 1 && rep.Hashes[0] != rep.Expected {
		rep.Problems = append(rep.Problems, fmt.Sprintf("the fleet serves configuration %s, not the file's %s", short(rep.Hashes[0]), short(rep.Expected)))
	}
	return rep
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

func shortList(hs []string) string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = short(h)
	}
	return strings.Join(out, ", ")
}

func fleetStatus(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fleet status", flag.ContinueOnError)
	fs.SetOutput(stderr)
	front := fs.String("front", "", "`URL` of the process serving the markets without an origin")
	timeout := fs.Duration("timeout", 5*time.Second, "per-instance `timeout`")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, fleetUsage)
		return 2
	}
	cfg, err := loadConfig(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "marketkit fleet status:", err)
		return 2
	}
	rep := status(ctx, cfg, *front, &http.Client{Timeout: *timeout})
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "market\tstate\tbuild\tconfig\turl")
		for _, s := range rep.Markets {
			state := "up"
			switch {
			case !s.Up:
				state = "DOWN"
			case !s.Serves:
				state = "WRONG INSTANCE"
			case s.Stale:
				state = "STALE"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s %s\t%s\n", s.Market, state, s.Build, s.ConfigVersion, short(s.ConfigHash), s.URL)
		}
		tw.Flush()
		for _, p := range rep.Problems {
			fmt.Fprintln(stdout, "problem:", p)
		}
		if len(rep.Problems) == 0 {
			fmt.Fprintf(stdout, "no drift: %d markets on configuration %s\n", len(rep.Markets), short(rep.Expected))
		}
	}
	if len(rep.Problems) > 0 {
		return 1
	}
	return 0
}

// k8sObject is a generic Kubernetes object, written as JSON. The types
// are the API's field names; a test decodes every object strictly into
// the official k8s.io/api types, so a misspelt field fails there.
type k8sObject = map[string]any

// manifests builds the Kubernetes objects for the isolated markets of cfg
// (every market when all is set).
func manifests(cfg *store.Config, raw []byte, image, namespace string, all bool) ([]k8sObject, error) {
	sum := sha256.Sum256(raw)
	checksum := hex.EncodeToString(sum[:])
	meta := func(name string, labels map[string]string, ann map[string]string) map[string]any {
		m := map[string]any{"name": name, "namespace": namespace, "labels": labels}
		if len(ann) > 0 {
			m["annotations"] = ann
		}
		return m
	}
	objs := []k8sObject{{
		"apiVersion": "v1", "kind": "ConfigMap",
		"metadata": meta("marketkit-config", map[string]string{"app.kubernetes.io/name": "marketkit"}, map[string]string{"checksum/config": checksum}),
		"data":     map[string]string{"markets.json": string(raw)},
	}}
	n := 0
	for _, id := range cfg.MarketIDs() {
		m, _ := cfg.Market(id)
		if !all && m.Local() {
			continue
		}
		n++
		name := "marketkit-" + id
		labels := map[string]string{
			"app.kubernetes.io/name":     "marketkit",
			"app.kubernetes.io/instance": name,
			"marketkit.dev/market":       id,
		}
		if m.Residency != "" {
			labels["marketkit.dev/residency"] = m.Residency
		}
		ann := map[string]string{
			"checksum/config":                  checksum,
			"marketkit.dev/time-zone":          m.TimeZone,
			"marketkit.dev/maintenance-window": windowText(m),
		}
		selector := map[string]string{"app.kubernetes.io/instance": name}
		// Pods run in the market's residency region: nodes there carry
		// the marketkit.dev/residency label (see examples/percountry).
		var nodeSelector map[string]string
		if m.Residency != "" {
			nodeSelector = map[string]string{"marketkit.dev/residency": m.Residency}
		}
		volumes := []any{
			map[string]any{"name": "config", "configMap": map[string]any{"name": "marketkit-config"}},
			map[string]any{"name": "data", "persistentVolumeClaim": map[string]any{"claimName": name + "-data"}},
		}
		mounts := []any{
			map[string]any{"name": "config", "mountPath": "/etc/marketkit", "readOnly": true},
			map[string]any{"name": "data", "mountPath": "/var/lib/marketkit"},
		}
		probe := func(delay int) map[string]any {
			return map[string]any{"httpGet": map[string]any{"path": "/healthz", "port": "http"}, "initialDelaySeconds": delay, "periodSeconds": 10}
		}
		podSpec := map[string]any{
			"containers": []any{map[string]any{
				"name":  "marketkit",
				"image": image,
				"args":  []string{"-config", "/etc/marketkit/markets.json", "-market", id, "-addr", ":8080", "-data", "/var/lib/marketkit"},
				"ports": []any{map[string]any{"name": "http", "containerPort": 8080, "protocol": "TCP"}},
				"env": []any{
					map[string]any{"name": "MARKETKIT_MARKET", "value": id},
					map[string]any{"name": "TZ", "value": m.TimeZone},
				},
				"readinessProbe": probe(2),
				"livenessProbe":  probe(10),
				"resources": map[string]any{
					"requests": map[string]string{"cpu": "100m", "memory": "128Mi"},
					"limits":   map[string]string{"memory": "512Mi"},
				},
				"volumeMounts": mounts,
			}},
			"volumes": volumes,
		}
		if nodeSelector != nil {
			podSpec["nodeSelector"] = nodeSelector
		}
		objs = append(objs,
			k8sObject{
				"apiVersion": "v1", "kind": "PersistentVolumeClaim",
				"metadata": meta(name+"-data", labels, nil),
				"spec": map[string]any{
					"accessModes": []string{"ReadWriteOnce"},
					"resources":   map[string]any{"requests": map[string]string{"storage": "10Gi"}},
				},
			},
			k8sObject{
				"apiVersion": "apps/v1", "kind": "Deployment",
				"metadata": meta(name, labels, ann),
				"spec": map[string]any{
					// One writer per market database: never two pods at once.
					"replicas": 1,
					"strategy": map[string]any{"type": "Recreate"},
					"selector": map[string]any{"matchLabels": selector},
					"template": map[string]any{
						"metadata": map[string]any{"labels": labels, "annotations": ann},
						"spec":     podSpec,
					},
				},
			},
			k8sObject{
				"apiVersion": "v1", "kind": "Service",
				"metadata": meta(name, labels, nil),
				"spec": map[string]any{
					"selector": selector,
					"ports":    []any{map[string]any{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"}},
				},
			},
		)
		db, _ := cfg.DatabaseOf(id)
		if db.Backup != nil {
			backupPod := map[string]any{
				"restartPolicy": "OnFailure",
				"containers": []any{map[string]any{
					"name":         "backup",
					"image":        image,
					"command":      []string{"marketkit"},
					"args":         []string{"backup", "--market", id, "/etc/marketkit/markets.json"},
					"volumeMounts": mounts,
				}},
				"volumes": volumes,
				// The backup reads the market's own volume (ReadWriteOnce):
				// it runs on the node where the market's pod runs.
				"affinity": map[string]any{"podAffinity": map[string]any{
					"requiredDuringSchedulingIgnoredDuringExecution": []any{map[string]any{
						"labelSelector": map[string]any{"matchLabels": selector},
						"topologyKey":   "kubernetes.io/hostname",
					}},
				}},
			}
			if nodeSelector != nil {
				backupPod["nodeSelector"] = nodeSelector
			}
			objs = append(objs, k8sObject{
				"apiVersion": "batch/v1", "kind": "CronJob",
				"metadata": meta(name+"-backup", labels, map[string]string{"checksum/config": checksum}),
				"spec": map[string]any{
					"schedule":          db.Backup.Schedule,
					"timeZone":          m.TimeZone,
					"concurrencyPolicy": "Forbid",
					"jobTemplate": map[string]any{"spec": map[string]any{
						"backoffLimit": 2,
						"template": map[string]any{
							"metadata": map[string]any{"labels": labels},
							"spec":     backupPod,
						},
					}},
				},
			})
		}
	}
	if n == 0 {
		return nil, errors.New("no isolated market (none has an origin): use --all to treat every market as its own instance")
	}
	return objs, nil
}

// windowText describes a market's maintenance windows for an annotation:
// "tuesday 03:00-04:00 Europe/Berlin".
func windowText(m *store.Market) string {
	if len(m.Maintenance.Windows) == 0 {
		return "none"
	}
	var parts []string
	for _, w := range m.Maintenance.Windows {
		days := make([]string, len(w.Days))
		for i, d := range w.Days {
			days[i] = d.String()
		}
		parts = append(parts, strings.Join(days, ",")+" "+w.From.String()+"-"+w.Until.String())
	}
	return strings.Join(parts, "; ") + " " + m.TimeZone
}

func fleetManifests(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fleet manifests", flag.ContinueOnError)
	fs.SetOutput(stderr)
	image := fs.String("image", "ghcr.io/example/marketkit-percountry:latest", "container `image` of the per-market instance")
	namespace := fs.String("namespace", "marketkit", "Kubernetes `namespace`")
	all := fs.Bool("all", false, "treat every market as an isolated instance")
	if err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, fleetUsage)
		return 2
	}
	raw, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "marketkit fleet manifests:", err)
		return 2
	}
	cfg, err := loadConfig(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "marketkit fleet manifests:", err)
		return 2
	}
	objs, err := manifests(cfg, raw, *image, *namespace, *all)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit fleet manifests:", err)
		return 1
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(k8sObject{"apiVersion": "v1", "kind": "List", "items": objs}); err != nil {
		fmt.Fprintln(stderr, "marketkit fleet manifests:", err)
		return 2
	}
	return 0
}
