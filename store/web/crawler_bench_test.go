package web

import (
	"strings"
	"testing"
)

func TestIsCrawler(t *testing.T) {
	for ua, want := range map[string]bool{
		chrome: false, googlebot: true, "": true, "curl/8.5.0": true, "Mozilla/5.0 (Macintosh) Safari/605.1.15": false,
		"facebookexternalhit/1.1": true, "Mozilla/5.0 HeadlessChrome/120": true, "Slackbot-LinkExpanding 1.0": true,
		strings.Repeat("a", MaxUserAgentLength+1): true, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148": false,
	} {
		if got := IsCrawler(ua); got != want {
			t.Errorf("IsCrawler(%.40q) = %v, want %v", ua, got, want)
		}
	}
}

// BenchmarkIsCrawler: a browser's User-Agent (the whole scan), beside
// the baseline of one strings.Contains over it.
func BenchmarkIsCrawler(b *testing.B) {
	b.Run("baseline=strings.Contains bot", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = strings.Contains(chrome, "bot")
		}
	})
	b.Run("browser", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = IsCrawler(chrome)
		}
	})
}
