package web

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"golang.org/x/text/language"
)

func TestNewSiteErrors(t *testing.T) {
	base := func() Config { return testConfig() }
	tests := []struct {
		name string
		edit func(c *Config)
		want string // substring of the joined message
	}{
		{"bad id", func(c *Config) { c.Markets[0].ID = "DE" }, `markets[0].id "DE": want lower-case`},
		{"duplicate id", func(c *Config) { c.Markets[1].ID = "de" }, `markets[1].id "de": duplicate of markets[0]`},
		{"duplicate prefix", func(c *Config) { c.Markets[1].Prefix = "/de" }, `markets[1].prefix "/de": duplicate of markets[0]`},
		{"prefix without slash", func(c *Config) { c.Markets[0].Prefix = "de" }, `markets[0].prefix "de"`},
		{"prefix with trailing slash", func(c *Config) { c.Markets[0].Prefix = "/de/" }, `markets[0].prefix "/de/"`},
		{"prefix upper case", func(c *Config) { c.Markets[0].Prefix = "/DE" }, `markets[0].prefix "/DE"`},
		{"prefix escaped", func(c *Config) { c.Markets[0].Prefix = "/d%65" }, `markets[0].prefix "/d%65"`},
		{"empty prefix without host", func(c *Config) { c.Markets[0].Prefix = "" }, `markets[0].prefix "": required for a market without host`},
		{"too many segments", func(c *Config) { c.Markets[0].Prefix = "/a/b/c/d/e" }, `more than 4 segments`},
		{"two markets on one host, one without prefix", func(c *Config) { c.Markets[0].Host = "shop.example.ch" }, `markets[8].prefix "": required: other markets share host shop.example.ch`},
		{"bad host", func(c *Config) { c.Markets[8].Host = "Shop.example.ch:443" }, `markets[8].host "Shop.example.ch:443"`},
		{"unknown country", func(c *Config) { c.Markets[0].Countries = []string{"XX"} }, `markets[0].countries[0] "XX": not an ISO 3166-1`},
		{"country with space", func(c *Config) { c.Markets[0].Countries = []string{" DE"} }, `markets[0].countries[0] " DE"`},
		{"no countries", func(c *Config) { c.Markets[0].Countries = nil }, `markets[0].countries "": at least one`},
		{"no locales", func(c *Config) { c.Markets[0].Locales = nil }, `markets[0].locales "": at least one`},
		{"und locale", func(c *Config) { c.Markets[0].Locales = []language.Tag{language.Und} }, `markets[0].locales[0] "und"`},
		{"duplicate locale", func(c *Config) { c.Markets[1].Locales = append(c.Markets[1].Locales, tags("fr-CH")) }, `markets[1].locales[3] "fr-CH": duplicate locale`},
		{"unknown group", func(c *Config) { c.Markets[0].Group = "apac" }, `markets[0].group "apac": no such group`},
		{"bad window", func(c *Config) { c.Markets[0].Maintenance = []Window{{Start: "2:00", End: "04:00"}} }, `markets[0].maintenance[0] "2:00-04:00"`},
		{"bad weekday", func(c *Config) {
			c.Markets[0].Maintenance = []Window{{Weekdays: []time.Weekday{9}, Start: "02:00", End: "04:00"}}
		}, `weekday out of range`},
		{"origin not absolute", func(c *Config) { c.Markets[0].Origin = "de.internal:8080" }, `markets[0].origin`},
		{"origin with user", func(c *Config) { c.Markets[0].Origin = "http://u:p@de.internal" }, `markets[0].origin`},
		{"origin ftp", func(c *Config) { c.Markets[0].Origin = "ftp://de.internal" }, `markets[0].origin`},
		{"unknown default", func(c *Config) { c.Default = "fr" }, `default "fr": no such market`},
		{"host-bound default", func(c *Config) { c.Default = "chhost" }, `default "chhost": the default market must be served on the shared host`},
		{"no base URL", func(c *Config) { c.BaseURL = "" }, `baseURL "": required`},
		{"base URL with path", func(c *Config) { c.BaseURL = "https://shop.example/shop" }, `baseURL "https://shop.example/shop"`},
		{"duplicate group", func(c *Config) { c.Groups = append(c.Groups, Group{ID: "eu"}) }, `groups[2].id "eu": duplicate group`},
		{"bad root policy", func(c *Config) { c.Groups[0].Root = 7 }, `groups[0].root "RootPolicy(7)"`},
		{"locale segment shadows a market", func(c *Config) {
			c.Markets[5].Locales = append(c.Markets[5].Locales, language.MustParse("es-US"))
		}, `markets[5].locales[1] "es-US": its path segment "es" makes /us/es the prefix of markets[6]`},
		{"no markets", func(c *Config) { c.Markets = nil; c.Default = "" }, `markets "": at least one market is required`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.edit(&c)
			s, err := NewSite(c)
			if err == nil {
				t.Fatalf("NewSite = %v, nil error", s)
			}
			if !errors.Is(err, ErrInvalidConfig) {
				t.Errorf("error %v does not wrap ErrInvalidConfig", err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is not an *Error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestNewSiteReportsEveryProblem(t *testing.T) {
	c := testConfig()
	c.Markets[0].ID = "DE"
	c.Markets[1].Countries = []string{"XX"}
	c.Default = "nope"
	_, err := NewSite(c)
	if err == nil {
		t.Fatal("no error")
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("%d problems reported, want 3:\n%v", n, err)
	}
}

func TestSiteCopiesConfig(t *testing.T) {
	c := testConfig()
	s := mustSite(t, c)
	c.Markets[1].Countries[0] = "FR"
	m, _ := s.Market("ch")
	if m.Countries[0] != "CH" {
		t.Errorf("Countries[0] = %q after changing the input: the Site shares the caller's slice", m.Countries[0])
	}
	m.Countries[0] = "IT"
	again, _ := s.Market("ch")
	if again.Countries[0] != "CH" {
		t.Errorf("Market returned a shared slice")
	}
}

func TestOrigins(t *testing.T) {
	got := mustSite(t, testConfig()).Origins()
	if diff := cmp.Diff([]string{"https://shop.example", "https://shop.example.ch"}, got); diff != "" {
		t.Errorf("Origins (-want +got):\n%s", diff)
	}
}

func TestErrorZero(t *testing.T) {
	var e *Error
	if e.Error() != "web: <nil>" {
		t.Errorf("nil: %q", e.Error())
	}
	if got := (&Error{}).Error(); got != `web: "": invalid` {
		t.Errorf("zero: %q", got)
	}
}
