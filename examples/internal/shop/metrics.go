package shop

import (
	"encoding/json"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/sqlstore"
)

// metrics are the server's Prometheus collectors, on a registry of its own
// (never the global one: two servers in one test process must not
// collide).
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(s *Server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "marketkit_http_requests_total",
		Help: "HTTP requests by market (\"\" outside any market) and status code.",
	}, []string{"market", "code"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "marketkit_http_request_duration_seconds",
		Help:    "HTTP request durations by market.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
	}, []string{"market"})
	m.reg.MustRegister(m.requests, m.duration, &configCollector{s: s},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

var (
	buildInfoDesc = prometheus.NewDesc("marketkit_build_info",
		"Always 1; the labels name the build and the configuration being served (the hash changes with every new configuration version).",
		[]string{"version", "revision", "config_version", "config_hash", "schema_version"}, nil)
	configAgeDesc = prometheus.NewDesc("marketkit_config_age_seconds",
		"Seconds since the configuration source last answered with a valid configuration.", nil, nil)
	configStaleDesc = prometheus.NewDesc("marketkit_config_stale",
		"1 when the configuration is older than its maximum staleness.", nil, nil)
	configLoadedDesc = prometheus.NewDesc("marketkit_config_loaded_timestamp_seconds",
		"When the configuration being served was installed.", nil, nil)
)

// configCollector reads the configuration at every scrape, so that
// build_info carries the current hash (a const label would freeze the
// first one).
type configCollector struct{ s *Server }

func (c *configCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- buildInfoDesc
	ch <- configAgeDesc
	ch <- configStaleDesc
	ch <- configLoadedDesc
}

func (c *configCollector) Collect(ch chan<- prometheus.Metric) {
	h := c.s.health()
	ch <- prometheus.MustNewConstMetric(buildInfoDesc, prometheus.GaugeValue, 1,
		c.s.build, buildRevision(), h.Version, h.Hash, strconv.Itoa(sqlstore.SchemaVersion()))
	ch <- prometheus.MustNewConstMetric(configAgeDesc, prometheus.GaugeValue, h.Age.Seconds())
	stale := 0.0
	if h.Stale {
		stale = 1
	}
	ch <- prometheus.MustNewConstMetric(configStaleDesc, prometheus.GaugeValue, stale)
	if !h.Loaded.IsZero() {
		ch <- prometheus.MustNewConstMetric(configLoadedDesc, prometheus.GaugeValue, float64(h.Loaded.UnixNano())/1e9)
	}
}

// buildRevision is the VCS revision the binary was built from, or "".
func buildRevision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return ""
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// health returns the configuration state: the cache's, or, for a fixed
// configuration, one that never ages.
func (s *Server) health() store.Health {
	if s.opts.Health != nil {
		return s.opts.Health()
	}
	cfg := s.opts.Config()
	return store.Health{Version: cfg.Version, Hash: cfg.Hash(), Loaded: s.started, LastSuccess: s.started}
}

// Health is the /healthz document: the shape "marketkit fleet status"
// reads (status, build, markets, config{version, hash, stale}), with the
// configuration's age and each market's maintenance state besides.
type Health struct {
	Status  string   `json:"status"` // "ok", or "maintenance" when every market served is in maintenance
	Build   string   `json:"build"`
	Markets []string `json:"markets"`
	Config  struct {
		Version string  `json:"version"`
		Hash    string  `json:"hash"`
		Stale   bool    `json:"stale"`
		AgeSecs float64 `json:"age_seconds"`
	} `json:"config"`
	Maintenance []string `json:"maintenance,omitempty"`
}

func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	h := s.health()
	var doc Health
	doc.Status = "ok"
	doc.Build = s.build
	doc.Markets = s.opts.Stores.IDs()
	doc.Config.Version, doc.Config.Hash, doc.Config.Stale, doc.Config.AgeSecs = h.Version, h.Hash, h.Stale, h.Age.Seconds()
	site := s.opts.Site()
	now := s.now()
	for _, id := range doc.Markets {
		if _, on := site.InMaintenance(id, now); on {
			doc.Maintenance = append(doc.Maintenance, id)
		}
	}
	code := http.StatusOK
	if len(doc.Markets) > 0 && len(doc.Maintenance) == len(doc.Markets) {
		doc.Status = "maintenance"
		code = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(doc)
}

func (s *Server) now() time.Time {
	if s.opts.Now != nil {
		return s.opts.Now()
	}
	return time.Now()
}

// BuildVersion names the running build: the main module's version, or
// "dev" and the VCS revision when built from a work tree.
func BuildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
		if rev := buildRevision(); rev != "" {
			v += "-" + rev[:min(12, len(rev))]
		}
	}
	return v
}
