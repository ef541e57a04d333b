package shoptest

import (
	"io"
	"net/http"
	"slices"
	"sync"
	"syscall"
	"time"
)

// LoadResult is what Load measured.
type LoadResult struct {
	Requests  int           // answered with 200 and read whole
	Errors    int           // transport errors, other statuses, short reads
	PerSecond float64       // Requests per second of the run
	P50, P99  time.Duration // latency of the answered requests
	// CPUPerRequest is this process's CPU time (client and, in-process,
	// server) per answered request.
	CPUPerRequest time.Duration
}

// Load sends GET url from conns keep-alive connections for d and measures
// the throughput and the latency distribution. It stops by itself after d
// (plus at most the client's 10 s timeout of the last requests).
func Load(url string, conns int, d time.Duration) LoadResult {
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	var (
		mu    sync.Mutex
		lat   []time.Duration
		errs  int
		wg    sync.WaitGroup
		start = time.Now()
		stop  = start.Add(d)
		cpu0  = CPUTime()
	)
	for range conns {
		wg.Go(func() {
			var mine []time.Duration
			bad := 0
			for time.Now().Before(stop) {
				t0 := time.Now()
				resp, err := client.Get(url)
				if err != nil {
					bad++
					continue
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					bad++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	r := LoadResult{Requests: len(lat), Errors: errs, PerSecond: float64(len(lat)) / elapsed.Seconds()}
	if len(lat) > 0 {
		r.CPUPerRequest = (CPUTime() - cpu0) / time.Duration(len(lat))
		r.P50 = lat[len(lat)/2]
		r.P99 = lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return r
}

// CPUTime is this process's user and system CPU time so far (0 where
// getrusage fails).
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
