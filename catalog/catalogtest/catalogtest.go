// Package catalogtest is a conformance suite for implementations of
// catalog.Source (the in-memory one, or a host's adapter over its own
// database). Run it from a test:
//
//	func TestSource(t *testing.T) {
//		catalogtest.Run(t, catalogtest.Suite{New: func(t *testing.T, d catalog.Data) catalog.Source {
//			return mySourceLoadedWith(t, d)
//		}})
//	}
//
// The suite checks that a Source serves exactly the data it was given
// (compared through catalog.Catalog.Data), that Version agrees with Load,
// that repeated loads are equal, that a cancelled context is an error
// wrapping context.Canceled, that the source is safe for concurrent use
// (run it with -race), and, when Suite.Update is set, that a new version is
// served whole after an update.
package catalogtest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/pricing"
)

// Suite configures Run.
type Suite struct {
	// New returns a Source serving d. It is called once per subtest.
	New func(t *testing.T, d catalog.Data) catalog.Source
	// Update, when set, makes src serve d as its new version.
	Update func(t *testing.T, src catalog.Source, d catalog.Data)
	// Data is the catalog to serve; the zero Data uses Fixture().
	Data catalog.Data
}

// Fixture returns a small catalog exercising every field: categories with
// a parent, every attribute kind, variants, media, several locales and
// availability rules.
func Fixture() catalog.Data {
	en, de, fr := language.English, language.German, language.French
	return catalog.Data{
		Version: "fixture-1",
		Categories: []catalog.Category{
			{ID: "home", Labels: map[language.Tag]string{en: "Home", de: "Wohnen"}},
			{ID: "mugs", Parent: "home", Labels: map[language.Tag]string{en: "Mugs", fr: "Tasses"}},
		},
		Attributes: []catalog.Attribute{
			{ID: "color", Kind: catalog.Enum, Labels: map[language.Tag]string{en: "Colour"},
				Values: []catalog.EnumValue{{ID: "red", Labels: map[language.Tag]string{en: "Red", de: "Rot"}}, {ID: "blue"}}},
			{ID: "capacity", Kind: catalog.Number},
			{ID: "dishwasher", Kind: catalog.Boolean},
			{ID: "material", Kind: catalog.Text},
		},
		Products: []catalog.Product{
			{ID: "mug-1", Category: "mugs", TaxClass: "standard", Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Rank: 7,
				Attributes: map[string]catalog.Value{"color": catalog.EnumValues("red", "blue"), "capacity": catalog.NumberValue(pricing.MustParseFixed("0.35")),
					"dishwasher": catalog.BoolValue(true), "material": catalog.TextValue("stoneware")},
				Variants: []catalog.Variant{{SKU: "MUG-1-R", Attributes: map[string]catalog.Value{"color": catalog.EnumValues("red")}, Media: []string{"r.jpg"}}, {SKU: "MUG-1-B"}},
				Media:    []string{"mug.jpg", "mug-2.jpg"},
				Content:  map[language.Tag]catalog.Content{en: {Name: "Mug", Description: "A mug.", Slug: "mug"}, de: {Name: "Tasse", Slug: "tasse"}},
				Availability: catalog.Availability{ExcludeCountries: []string{"NO", "US-NY"}, ForbidFlags: []string{"no-ceramics"},
					From: "2026-01-01", Until: "2026-12-31T18:00"}},
			{ID: "wine", TaxClass: "alcohol", Content: map[language.Tag]catalog.Content{fr: {Name: "Vin"}},
				Availability: catalog.Availability{Markets: []string{"ch", "fr"}, RequireFlags: []string{"alcohol-licence"}, Countries: []string{"CH", "FR"}}},
		},
	}
}

// Run runs the conformance suite.
func Run(t *testing.T, s Suite) {
	t.Helper()
	if s.New == nil {
		t.Fatal("catalogtest: Suite.New is nil")
	}
	d := s.Data
	if d.Version == "" {
		d = Fixture()
	}
	want, err := catalog.New(d, nil)
	if err != nil {
		t.Fatalf("catalogtest: the suite's data is invalid: %v", err)
	}
	opts := []cmp.Option{cmp.Comparer(func(a, b pricing.Fixed) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b language.Tag) bool { return a == b }),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })}
	ctx := context.Background()
	t.Run("ServesTheData", func(t *testing.T) {
		src := s.New(t, d)
		c, err := src.Load(ctx)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if diff := cmp.Diff(strip(want.Data()), strip(c.Data()), opts...); diff != "" {
			t.Errorf("Load returned other data (-want +got):\n%s", diff)
		}
	})
	t.Run("VersionAgreesWithLoad", func(t *testing.T) {
		src := s.New(t, d)
		v, err := src.Version(ctx)
		if err != nil {
			t.Fatalf("Version: %v", err)
		}
		c, err := src.Load(ctx)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if v != c.Version() || v != d.Version {
			t.Errorf("Version() = %q, Load().Version() = %q, want %q", v, c.Version(), d.Version)
		}
	})
	t.Run("RepeatedLoadsAreEqual", func(t *testing.T) {
		src := s.New(t, d)
		a, err1 := src.Load(ctx)
		b, err2 := src.Load(ctx)
		if err1 != nil || err2 != nil {
			t.Fatalf("Load: %v, %v", err1, err2)
		}
		// Changing what one load returned must not change the next.
		p, _ := a.Product("mug-1")
		p.Media[0] = "changed.jpg"
		if diff := cmp.Diff(strip(a.Data()), strip(b.Data()), opts...); diff != "" {
			t.Errorf("two loads differ (-first +second):\n%s", diff)
		}
	})
	t.Run("CancelledContext", func(t *testing.T) {
		src := s.New(t, d)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := src.Load(cctx); !errors.Is(err, context.Canceled) {
			t.Errorf("Load(cancelled) = %v, want an error wrapping context.Canceled", err)
		}
		if _, err := src.Version(cctx); !errors.Is(err, context.Canceled) {
			t.Errorf("Version(cancelled) = %v, want an error wrapping context.Canceled", err)
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		src := s.New(t, d)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 20 {
					if _, err := src.Load(ctx); err != nil {
						t.Error(err)
						return
					}
					if _, err := src.Version(ctx); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
	})
	if s.Update != nil {
		t.Run("Update", func(t *testing.T) {
			src := s.New(t, d)
			d2 := want.Data()
			d2.Version = d.Version + "-next"
			d2.Products = d2.Products[:len(d2.Products)-1]
			want2, err := catalog.New(d2, nil)
			if err != nil {
				t.Fatal(err)
			}
			s.Update(t, src, d2)
			c, err := src.Load(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c.Version() != d2.Version {
				t.Fatalf("after Update: version %q, want %q", c.Version(), d2.Version)
			}
			if diff := cmp.Diff(strip(want2.Data()), strip(c.Data()), opts...); diff != "" {
				t.Errorf("after Update (-want +got):\n%s", diff)
			}
		})
	}
}

// strip drops the source line numbers, which a database does not keep.
func strip(d catalog.Data) catalog.Data {
	for i := range d.Categories {
		d.Categories[i].Line = 0
	}
	for i := range d.Attributes {
		d.Attributes[i].Line = 0
	}
	for i := range d.Products {
		d.Products[i].Line = 0
	}
	return d
}
