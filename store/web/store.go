package web

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/store"
)

// FromStore returns the web Config of a store configuration: markets in
// the order of store.Config.MarketIDs (sorted IDs: the first of two
// markets serving one country wins geolocation), groups and their root
// policies, the default market, locales (the default first), time zones,
// maintenance windows and the operator switch, and origins. Paths and
// hosts keep their meaning (see Market.Host): a market with a host of its
// own owns every path there and is also served under its path on the
// shared host. baseURL is the shared domain's scheme and
// host (Config.BaseURL), which the store configuration does not hold.
// Problems are *Errors wrapping ErrInvalidConfig, all of them joined.
func FromStore(cfg *store.Config, baseURL string) (Config, error) {
	const op = "FromStore"
	if cfg == nil {
		return Config{}, &Error{Op: op, Field: "config", Reason: "nil configuration", Err: ErrInvalidConfig}
	}
	out := Config{BaseURL: baseURL, Default: cfg.DefaultMarket}
	gids := make([]string, 0, len(cfg.Groups))
	for id := range cfg.Groups {
		gids = append(gids, id)
	}
	slices.Sort(gids)
	for _, id := range gids {
		out.Groups = append(out.Groups, Group{ID: id, Root: cfg.Groups[id].Root})
	}
	var errs []error
	for _, id := range cfg.MarketIDs() {
		sm, _ := cfg.Market(id)
		f := "markets." + id
		m := Market{ID: id, Prefix: sm.Path, Host: sm.Host, Countries: slices.Clone(sm.Countries),
			Subdivisions: slices.Clone(sm.Subdivisions), Group: sm.Group,
			MaintenanceOn: sm.Maintenance.Now, Origin: sm.Origin}
		for i, s := range append([]string{sm.DefaultLocale}, sm.Locales...) {
			if i > 0 && s == sm.DefaultLocale {
				continue
			}
			tag, err := locale.Parse(s)
			if err != nil {
				errs = append(errs, &Error{Op: op, Field: f + ".locales", Value: s, Reason: err.Error(), Err: ErrInvalidConfig})
				continue
			}
			if !slices.Contains(m.Locales, tag) {
				m.Locales = append(m.Locales, tag)
			}
		}
		loc, err := sm.Location()
		if err != nil {
			errs = append(errs, &Error{Op: op, Field: f + ".time_zone", Value: sm.TimeZone, Reason: err.Error(), Err: ErrInvalidConfig})
		}
		m.TimeZone = loc
		for _, w := range sm.Maintenance.Windows {
			if len(w.Days) == 0 {
				continue // the store reads a window without days as never open
			}
			ww := Window{Start: w.From.String(), End: w.Until.String()}
			if w.Until == 24*60 {
				ww.End = "00:00" // midnight at the end of the day
			}
			for _, d := range w.Days {
				ww.Weekdays = append(ww.Weekdays, d.Time())
			}
			m.Maintenance = append(m.Maintenance, ww)
		}
		out.Markets = append(out.Markets, m)
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return out, nil
}

// SiteFromStore is NewSite(FromStore(cfg, baseURL)).
func SiteFromStore(cfg *store.Config, baseURL string) (*Site, error) {
	c, err := FromStore(cfg, baseURL)
	if err != nil {
		return nil, err
	}
	return NewSite(c)
}

// StoreSite adapts a source of store configurations (such as
// (*store.Cache).Config) to Options.Site: each new *store.Config it
// returns is compiled once, on the first request that sees it, and the
// compiled Site is reused until the configuration changes. A
// configuration that does not compile keeps the previous Site in
// service (and is retried only when the configuration changes again);
// OnError, if not nil, is told. Safe for concurrent use.
func StoreSite(current func() *store.Config, baseURL string, onError func(error)) func() *Site {
	type compiled struct {
		cfg  *store.Config
		site *Site
	}
	var (
		cur atomic.Pointer[compiled]
		mu  sync.Mutex
	)
	return func() *Site {
		cfg := current()
		if c := cur.Load(); c != nil && c.cfg == cfg {
			return c.site
		}
		mu.Lock()
		defer mu.Unlock()
		prev := cur.Load()
		if prev != nil && prev.cfg == cfg {
			return prev.site
		}
		site, err := SiteFromStore(cfg, baseURL)
		if err != nil {
			if onError != nil {
				onError(fmt.Errorf("web: configuration not applied, previous one kept: %w", err))
			}
			var keep *Site
			if prev != nil {
				keep = prev.site
			}
			cur.Store(&compiled{cfg: cfg, site: keep})
			return keep
		}
		cur.Store(&compiled{cfg: cfg, site: site})
		return site
	}
}
