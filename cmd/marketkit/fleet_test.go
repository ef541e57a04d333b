package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/marketkit/marketkit/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const sampleConfig = "../../examples/storefront/data/markets.json"

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test -update rewrites it):\n%s", name, diff)
	}
}

func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return o.String(), e.String(), code
}

func TestFleetPlan(t *testing.T) {
	// Monday 7 December 2026, 00:00 UTC.
	out, errOut, code := runCmd(t, "fleet", "plan", sampleConfig, "--at", "2026-12-07T00:00:00Z")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "fleet-plan.txt", []byte(out))

	js, errOut, code := runCmd(t, "fleet", "plan", "--json", "--at", "2026-12-07T00:00:00Z", sampleConfig)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var steps []planStep
	if err := json.Unmarshal([]byte(js), &steps); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	byMarket := map[string]planStep{}
	for i, s := range steps {
		byMarket[s.Market] = s
		if s.Order != i+1 {
			t.Errorf("step %d has order %d", i, s.Order)
		}
		if i > 0 && s.StartUTC.Before(steps[i-1].StartUTC) {
			t.Errorf("%s (%v) is planned after %s (%v)", s.Market, s.StartUTC, steps[i-1].Market, steps[i-1].StartUTC)
		}
		if !s.NoWindow && s.StartUTC.Before(at) {
			t.Errorf("%s starts at %v, before the plan's instant", s.Market, s.StartUTC)
		}
	}
	if len(steps) != 13 {
		t.Fatalf("%d steps, want 13", len(steps))
	}
	// The patch reaches France at 04:00 Paris time and Australia at 04:00
	// Sydney time: the same wall clock, eleven hours apart in UTC.
	for _, tc := range []struct {
		market, local, utc string
	}{
		{"fr", "2026-12-08 04:00 +0100", "2026-12-08 03:00"},
		{"au", "2026-12-08 04:00 +1100", "2026-12-07 17:00"},
		{"jp", "2026-12-14 04:00 +0900", "2026-12-13 19:00"}, // Monday's window in Tokyo was already over
		{"us-west", "2026-12-13 03:00 -0800", "2026-12-13 11:00"},
	} {
		s := byMarket[tc.market]
		if got := s.Start.Format("2006-01-02 15:04 -0700"); got != tc.local {
			t.Errorf("%s local start = %s, want %s", tc.market, got, tc.local)
		}
		if got := s.StartUTC.Format("2006-01-02 15:04"); got != tc.utc {
			t.Errorf("%s UTC start = %s, want %s", tc.market, got, tc.utc)
		}
	}
}

func TestFleetPlanWithoutWindowAndSwitch(t *testing.T) {
	cfg := loadSample(t)
	cfg.Markets["gb"].Maintenance.Windows = nil
	cfg.Markets["nl"].Maintenance.Now = true
	at := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	steps, err := plan(cfg, at)
	if err != nil {
		t.Fatal(err)
	}
	if first := steps[0]; first.Market != "nl" || !first.Now {
		t.Errorf("first step = %+v, want nl in maintenance now", first)
	}
	if last := steps[len(steps)-1]; last.Market != "gb" || !last.NoWindow {
		t.Errorf("last step = %+v, want gb without a window", last)
	}
}

func loadSample(t *testing.T) *store.Config {
	t.Helper()
	data, err := os.ReadFile(sampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := store.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// decodeStrict decodes one object into the official API type, refusing
// unknown fields: a misspelt field name in the generator fails here.
func decodeStrict(t *testing.T, raw json.RawMessage, into any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		t.Fatalf("%T: %v\n%s", into, err, raw)
	}
}

func TestFleetManifests(t *testing.T) {
	out, errOut, code := runCmd(t, "fleet", "manifests", "--all", "--image", "registry.example/marketkit-percountry:1.0", sampleConfig)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "fleet-manifests.json", []byte(out))

	var list struct {
		APIVersion string            `json:"apiVersion"`
		Kind       string            `json:"kind"`
		Items      []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if list.APIVersion != "v1" || list.Kind != "List" {
		t.Fatalf("list is %s %s", list.APIVersion, list.Kind)
	}
	cfg := loadSample(t)
	raw, _ := os.ReadFile(sampleConfig)
	kinds := map[string]int{}
	var checksum string
	for _, item := range list.Items {
		var head struct{ Kind string }
		json.Unmarshal(item, &head)
		kinds[head.Kind]++
		switch head.Kind {
		case "ConfigMap":
			var cm corev1.ConfigMap
			decodeStrict(t, item, &cm)
			checksum = cm.Annotations["checksum/config"]
			if cm.Data["markets.json"] != string(raw) {
				t.Error("the ConfigMap does not hold the configuration file as it is")
			}
		case "Deployment":
			var d appsv1.Deployment
			decodeStrict(t, item, &d)
			id := d.Labels["marketkit.dev/market"]
			m, ok := cfg.Market(id)
			if !ok {
				t.Fatalf("Deployment %s for unknown market %q", d.Name, id)
			}
			if got := d.Spec.Template.Annotations["checksum/config"]; got == "" || got != d.Annotations["checksum/config"] {
				t.Errorf("%s: pod checksum/config %q, deployment %q", d.Name, got, d.Annotations["checksum/config"])
			}
			if got, want := d.Spec.Template.Spec.NodeSelector["marketkit.dev/residency"], m.Residency; got != want {
				t.Errorf("%s: node selector residency %q, want %q", d.Name, got, want)
			}
			if got := d.Annotations["marketkit.dev/maintenance-window"]; !strings.HasSuffix(got, m.TimeZone) {
				t.Errorf("%s: maintenance annotation %q does not name the zone %s", d.Name, got, m.TimeZone)
			}
			if d.Spec.Replicas == nil || *d.Spec.Replicas != 1 || d.Spec.Strategy.Type != appsv1.RecreateDeploymentStrategyType {
				t.Errorf("%s: want one replica, recreated (one writer per market database)", d.Name)
			}
			args := strings.Join(d.Spec.Template.Spec.Containers[0].Args, " ")
			if !strings.Contains(args, "-market "+id) {
				t.Errorf("%s: args %q do not select market %s", d.Name, args, id)
			}
		case "Service":
			var s corev1.Service
			decodeStrict(t, item, &s)
		case "PersistentVolumeClaim":
			var p corev1.PersistentVolumeClaim
			decodeStrict(t, item, &p)
		case "CronJob":
			var cj batchv1.CronJob
			decodeStrict(t, item, &cj)
			id := cj.Labels["marketkit.dev/market"]
			m, _ := cfg.Market(id)
			db, _ := cfg.DatabaseOf(id)
			if cj.Spec.TimeZone == nil || *cj.Spec.TimeZone != m.TimeZone {
				t.Errorf("%s: timeZone %v, want %s", cj.Name, cj.Spec.TimeZone, m.TimeZone)
			}
			if cj.Spec.Schedule != db.Backup.Schedule {
				t.Errorf("%s: schedule %q, want %q", cj.Name, cj.Spec.Schedule, db.Backup.Schedule)
			}
		default:
			t.Errorf("unexpected kind %q", head.Kind)
		}
	}
	want := map[string]int{"ConfigMap": 1, "Deployment": 13, "Service": 13, "PersistentVolumeClaim": 13, "CronJob": 13}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	if len(checksum) != 64 {
		t.Errorf("checksum/config = %q", checksum)
	}

	// Without --all, a configuration whose markets all run in one process
	// has nothing to deploy per market: an error, not an empty list.
	if _, errOut, code := runCmd(t, "fleet", "manifests", sampleConfig); code != 1 || !strings.Contains(errOut, "--all") {
		t.Errorf("manifests without isolated markets: exit %d, %q", code, errOut)
	}
}

// health serves a /healthz document; hash is read on each request.
func health(markets []string, build string, hash func() string, stale bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/healthz") {
			http.NotFound(w, r)
			return
		}
		ms, _ := json.Marshal(markets)
		fmt.Fprintf(w, `{"status":"ok","build":%q,"markets":%s,"config":{"version":"v","hash":%q,"stale":%v}}`, build, ms, hash(), stale)
	})
}

func TestFleetStatus(t *testing.T) {
	cfg := loadSample(t)
	// ch runs its own instance on the same build and configuration; the
	// handlers read the hash once the configuration has its final origins.
	var want string
	cur := func() string { return want }
	front := httptest.NewServer(health(cfg.MarketIDs(), "build-1", cur, false))
	defer front.Close()
	ch := httptest.NewServer(health([]string{"ch"}, "build-1", cur, false))
	defer ch.Close()
	cfg.Markets["ch"].Origin = ch.URL
	want = cfg.Hash()
	rep := status(context.Background(), cfg, front.URL, http.DefaultClient)
	if len(rep.Problems) != 0 {
		t.Fatalf("healthy fleet: problems %q", rep.Problems)
	}

	// Drift: jp's instance runs another build with another configuration;
	// au's is down; ca's instance is stale; gb's answers for another market.
	jp := httptest.NewServer(health([]string{"jp"}, "build-2", func() string { return "0123456789abcdef" }, false))
	defer jp.Close()
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	ca := httptest.NewServer(health([]string{"ca"}, "build-1", cur, true))
	defer ca.Close()
	gb := httptest.NewServer(health([]string{"ie"}, "build-1", cur, false))
	defer gb.Close()
	cfg.Markets["jp"].Origin = jp.URL
	cfg.Markets["au"].Origin = down.URL
	cfg.Markets["ca"].Origin = ca.URL
	cfg.Markets["gb"].Origin = gb.URL + "/base/"
	want = cfg.Hash()
	rep = status(context.Background(), cfg, front.URL, http.DefaultClient)
	var kinds []string
	for _, p := range rep.Problems {
		kinds = append(kinds, strings.SplitN(p, ":", 2)[0])
	}
	wantKinds := []string{"market au is down", "market ca serves a stale configuration (version v)", "market gb", "configuration drift", "build drift"}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Errorf("problems (-want +got):\n%s\n%q", diff, rep.Problems)
	}
	if diff := cmp.Diff([]string{"build-1", "build-2"}, rep.Builds); diff != "" {
		t.Errorf("builds (-want +got):\n%s", diff)
	}
	for _, s := range rep.Markets {
		if s.Market == "gb" && s.URL != gb.URL+"/base/healthz" {
			t.Errorf("gb health URL = %s", s.URL)
		}
	}
}
