// Package storetest is a conformance suite for implementations of
// store.ConfigSource, in the way taxtest serves tax.Calculator: a host
// that loads its market configuration from its own database or service
// runs Run in a test of its source.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store"
)

// NewSource returns a source that serves doc, and a function that
// replaces the document it serves (the next Fetch must see the new one).
type NewSource func(t *testing.T, doc []byte) (src store.ConfigSource, set func(doc []byte))

// Documents are the two documents Run serves: small valid
// configurations that differ.
var Documents = [2][]byte{
	[]byte(`{"version":"storetest-1","markets":{"de":{"path":"/de","countries":["DE"],"currency":"EUR","default_locale":"de-DE","locales":["de-DE"],"tax":{"mode":"half-up","origin":{"country":"DE"}},"time_zone":"Europe/Berlin"}}}`),
	[]byte(`{"version":"storetest-2","markets":{"de":{"path":"/de","countries":["DE"],"currency":"EUR","default_locale":"de-DE","locales":["de-DE","en-DE"],"tax":{"mode":"half-up","origin":{"country":"DE"}},"time_zone":"Europe/Berlin"}}}`),
}

// Run checks that the source
//   - returns the document it serves, byte for byte, with a non-empty ETag;
//   - returns the same ETag for the same document;
//   - given the current ETag, returns store.ErrNotModified or the same
//     document with the same ETag;
//   - after the document changes, returns the new one with another ETag,
//     also when given the old ETag;
//   - hands out Data the caller may modify without affecting later
//     fetches;
//   - returns an error wrapping the context's error, within a second,
//     for a canceled or expired context;
//   - is safe for concurrent use (run Run under -race).
func Run(t *testing.T, newSource NewSource) {
	t.Helper()
	ctx := context.Background()
	fetch := func(t *testing.T, src store.ConfigSource, etag string) store.Document {
		t.Helper()
		doc, err := src.Fetch(ctx, etag)
		if err != nil {
			t.Fatalf("Fetch(%q) = %v", etag, err)
		}
		if doc.ETag == "" {
			t.Fatalf("Fetch(%q) returned an empty ETag", etag)
		}
		return doc
	}

	t.Run("serves the document", func(t *testing.T) {
		src, _ := newSource(t, Documents[0])
		doc := fetch(t, src, "")
		if !bytes.Equal(doc.Data, Documents[0]) {
			t.Errorf("Fetch returned %q, want %q", doc.Data, Documents[0])
		}
		again := fetch(t, src, "")
		if again.ETag != doc.ETag {
			t.Errorf("ETag changed without a change: %q then %q", doc.ETag, again.ETag)
		}
	})

	t.Run("not modified", func(t *testing.T) {
		src, _ := newSource(t, Documents[0])
		doc := fetch(t, src, "")
		got, err := src.Fetch(ctx, doc.ETag)
		switch {
		case errors.Is(err, store.ErrNotModified):
		case err != nil:
			t.Fatalf("Fetch(current ETag) = %v, want ErrNotModified or the document", err)
		case got.ETag != doc.ETag || !bytes.Equal(got.Data, doc.Data):
			t.Errorf("Fetch(current ETag) returned another document (ETag %q, want %q)", got.ETag, doc.ETag)
		}
	})

	t.Run("change", func(t *testing.T) {
		src, set := newSource(t, Documents[0])
		first := fetch(t, src, "")
		set(Documents[1])
		second := fetch(t, src, first.ETag)
		if !bytes.Equal(second.Data, Documents[1]) {
			t.Errorf("after a change Fetch returned %q, want %q", second.Data, Documents[1])
		}
		if second.ETag == first.ETag {
			t.Errorf("after a change the ETag stayed %q", first.ETag)
		}
	})

	t.Run("caller owns the data", func(t *testing.T) {
		src, _ := newSource(t, Documents[0])
		doc := fetch(t, src, "")
		for i := range doc.Data {
			doc.Data[i] = 'x'
		}
		again := fetch(t, src, "")
		if !bytes.Equal(again.Data, Documents[0]) {
			t.Errorf("modifying a fetched document changed the next fetch: %q", again.Data)
		}
	})

	t.Run("canceled context", func(t *testing.T) {
		src, _ := newSource(t, Documents[0])
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		start := time.Now()
		_, err := src.Fetch(cctx, "")
		if err == nil {
			t.Fatal("Fetch with a canceled context succeeded")
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Fetch with a canceled context = %v, want an error wrapping context.Canceled", err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("Fetch with a canceled context took %v", d)
		}
	})

	t.Run("concurrent", func(t *testing.T) {
		src, set := newSource(t, Documents[0])
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range 8 {
					doc, err := src.Fetch(ctx, "")
					if err != nil {
						errs <- err
						return
					}
					if !bytes.Equal(doc.Data, Documents[0]) && !bytes.Equal(doc.Data, Documents[1]) {
						errs <- errors.New("a concurrent Fetch returned neither document")
						return
					}
					if i == 0 && j == 4 {
						set(Documents[1])
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	})
}
