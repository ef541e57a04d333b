package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
)

// Document is a configuration document as a ConfigSource returns it: the
// bytes and a tag that changes whenever they do.
type Document struct {
	// Data is the JSON document (at most MaxConfigSize bytes).
	Data []byte
	// ETag identifies this content: the HTTP ETag, or a hash of the bytes.
	// Non-empty.
	ETag string
}

// ConfigSource loads the market configuration document.
//
// Fetch returns the current document. When etag is not empty and the
// document still has that tag, it may return ErrNotModified instead (HTTP
// 304) — a source that cannot tell returns the document. Fetch must honour
// ctx (return promptly with an error wrapping ctx.Err() when it is done),
// be safe for concurrent use, and never return a Document with an empty
// ETag or more than MaxConfigSize bytes. Package storetest checks an
// implementation.
type ConfigSource interface {
	Fetch(ctx context.Context, etag string) (Document, error)
}

// SourceFunc adapts a function to ConfigSource: the host's own source (a
// database row, a secret store, a feature service).
type SourceFunc func(ctx context.Context, etag string) (Document, error)

// Fetch calls f.
func (f SourceFunc) Fetch(ctx context.Context, etag string) (Document, error) { return f(ctx, etag) }

// contentTag is the ETag of a document that has none: a quoted SHA-256
// prefix of its bytes.
func contentTag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// BytesSource returns a source that always serves data (a copy is taken).
func BytesSource(data []byte) ConfigSource {
	doc := Document{Data: append([]byte(nil), data...), ETag: contentTag(data)}
	return SourceFunc(func(ctx context.Context, etag string) (Document, error) {
		if err := ctx.Err(); err != nil {
			return Document{}, &Error{Op: "Fetch", Field: "source", Value: "bytes", Err: err}
		}
		if etag == doc.ETag {
			return Document{}, ErrNotModified
		}
		return Document{Data: append([]byte(nil), doc.Data...), ETag: doc.ETag}, nil
	})
}

// DefaultSource returns the embedded example configuration (markets.json)
// as a source: what a program runs on before it has its own.
func DefaultSource() ConfigSource { return BytesSource(exampleConfig) }

// FileSource returns a source that reads the file at path on every Fetch.
// Its ETag is a hash of the content, so an unchanged file gives
// ErrNotModified whatever its modification time.
func FileSource(path string) ConfigSource {
	return SourceFunc(func(ctx context.Context, etag string) (Document, error) {
		if err := ctx.Err(); err != nil {
			return Document{}, &Error{Op: "Fetch", Field: "file", Value: path, Err: err}
		}
		f, err := os.Open(path)
		if err != nil {
			return Document{}, &Error{Op: "Fetch", Field: "file", Value: path, Err: err}
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, MaxConfigSize+1))
		if err != nil {
			return Document{}, &Error{Op: "Fetch", Field: "file", Value: path, Err: err}
		}
		if len(data) > MaxConfigSize {
			return Document{}, &Error{Op: "Fetch", Field: "file", Value: path, Err: ErrTooLarge}
		}
		tag := contentTag(data)
		if etag == tag {
			return Document{}, ErrNotModified
		}
		return Document{Data: data, ETag: tag}, nil
	})
}

// HTTPSource returns a source that GETs url with client (nil:
// http.DefaultClient), sending If-None-Match with the previous ETag. A 304
// is ErrNotModified; any status but 200 and 304 is an error naming it; a
// response without an ETag gets a hash of its body as its tag; a body over
// MaxConfigSize is ErrTooLarge. Give the client a Timeout or rely on the
// context (the Cache sets one).
func HTTPSource(url string, client *http.Client) ConfigSource {
	if client == nil {
		client = http.DefaultClient
	}
	return SourceFunc(func(ctx context.Context, etag string) (Document, error) {
		fail := func(err error) (Document, error) {
			return Document{}, &Error{Op: "Fetch", Field: "url", Value: url, Err: err}
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return fail(err)
		}
		req.Header.Set("Accept", "application/json")
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := client.Do(req)
		if err != nil {
			return fail(err)
		}
		defer resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusNotModified:
			return Document{}, ErrNotModified
		case http.StatusOK:
		default:
			io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
			return fail(fmt.Errorf("HTTP status %s", strconv.Itoa(resp.StatusCode)))
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, MaxConfigSize+1))
		if err != nil {
			return fail(err)
		}
		if len(data) > MaxConfigSize {
			return fail(ErrTooLarge)
		}
		tag := resp.Header.Get("ETag")
		if tag == "" {
			tag = contentTag(data)
		}
		return Document{Data: data, ETag: tag}, nil
	})
}
