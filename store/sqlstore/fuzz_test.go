package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

// FuzzParseDSN: ParseDSN never panics; what it accepts as SQLite is a
// plain path with no URI syntax that parses back to itself, and what it
// accepts as PostgreSQL keeps its scheme.
func FuzzParseDSN(f *testing.F) {
	for _, s := range []string{"data/de.db", "sqlite:x.db", "postgres://u:p@h/db", "file:x.db?mode=ro", ":memory:", "a?b", "", "sqlite:", "mysql://x", "./a/../b.db", "host=db dbname=de"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		e, target, err := ParseDSN(dsn)
		if err != nil {
			if e != 0 || target != "" {
				t.Fatalf("error with results %v %q", e, target)
			}
			return
		}
		switch e {
		case SQLite:
			if strings.ContainsAny(target, "?#\x00") || strings.HasPrefix(target, "file:") || strings.Contains(target, ":memory:") {
				t.Fatalf("SQLite target %q of %q", target, dsn)
			}
			if e2, t2, err := ParseDSN(target); err != nil || e2 != SQLite || t2 != target {
				t.Fatalf("ParseDSN(%q) = %v %q %v, want itself", target, e2, t2, err)
			}
		case PostgreSQL:
			if target != dsn || !strings.HasPrefix(dsn, "postgres") {
				t.Fatalf("PostgreSQL target %q of %q", target, dsn)
			}
		default:
			t.Fatalf("engine %v", e)
		}
	})
}

// FuzzCursor: a cursor that parses prints back to the same text, so a
// page boundary is never silently moved.
func FuzzCursor(f *testing.F) {
	for _, s := range []string{"1700000000000000.abc", "-5.x", "0.", ".x", "01.x", "1.a.b", "9223372036854775807.z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := parseCursor(s)
		if !ok {
			return
		}
		if c.String() != s {
			t.Fatalf("parseCursor(%q) prints as %q", s, c.String())
		}
	})
}

// FuzzOrderBody: an order that validates, decoded from JSON, has a body
// whose JSON round trip gives the same bytes and hash — the idempotency
// check compares these hashes, so a stored order read back and placed
// again must hash the same.
func FuzzOrderBody(f *testing.F) {
	seed, _ := json.Marshal(sqltest.NewOrder("de", "k", 3))
	f.Add(seed)
	f.Add([]byte(`{"market":"de","idempotency_key":"k","currency":"eur","lines":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var o store.Order
		if json.Unmarshal(data, &o) != nil || o.Validate() != nil {
			return
		}
		b1, h1, err := body(&o)
		if err != nil {
			t.Fatal(err)
		}
		var back store.Order
		if err := json.Unmarshal(b1, &back); err != nil {
			t.Fatalf("body does not decode: %v\n%s", err, b1)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("decoded body no longer validates: %v", err)
		}
		b2, h2, err := body(&back)
		if err != nil {
			t.Fatal(err)
		}
		if h1 != h2 {
			t.Fatalf("body round trip changed:\n%s\n%s", b1, b2)
		}
	})
}

func TestOrderIDsSortByTime(t *testing.T) {
	t0 := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	prev := newOrderID(t0)
	for i := 1; i < 100; i++ {
		id := newOrderID(t0.Add(time.Duration(i) * time.Millisecond))
		if len(id) != 26 || id <= prev {
			t.Fatalf("ID %q after %q: want 26 characters sorting after it", id, prev)
		}
		prev = id
	}
	if a, b := newOrderID(t0), newOrderID(t0); a == b {
		t.Errorf("two IDs in one millisecond are equal: %s", a)
	}
}

// FuzzParseCopy: pg_restore's output is counted, never trusted: the
// parser does not panic, and it counts exactly the rows of the orders
// block, each under its first column.
func FuzzParseCopy(f *testing.F) {
	f.Add("COPY public.orders (market, id) FROM stdin;\nde\t1\nde\t2\nfr\t3\n\\.\nCOPY public.schema_migrations (version, name, applied_us) FROM stdin;\n1\t0001_orders\t0\n\\.\n")
	f.Add("COPY public.orders (market) FROM stdin;\n\n\\.\n")
	f.Add("COPY public.schema_migrations (version) FROM stdin;\nx\n")
	f.Fuzz(func(t *testing.T, s string) {
		counts, _, err := parseCopy(strings.NewReader(s))
		if err != nil {
			return
		}
		var total int64
		for _, n := range counts {
			total += n
		}
		// The oracle: a block is open from a COPY … FROM stdin; line to
		// the next \. line; rows count when the block's table is orders.
		want := int64(0)
		block := ""
		for line := range strings.Lines(s) {
			line = strings.TrimSuffix(line, "\n")
			switch {
			case block == "":
				if f := strings.Fields(line); len(f) >= 2 && f[0] == "COPY" && strings.HasPrefix(line, "COPY "+f[1]+" ") &&
					strings.HasSuffix(line, " FROM stdin;") {
					block = f[1][strings.LastIndex(f[1], ".")+1:]
				}
			case line == `\.`:
				block = ""
			case block == "orders":
				want++
			}
		}
		if total != want && !strings.Contains(s, "\r") {
			t.Fatalf("counted %d orders, the input has %d rows", total, want)
		}
	})
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{nil, "sqlstore: <nil>"},
		{&Error{}, "sqlstore: error"},
		{newErr("Open", "dsn", ":memory:", ErrDSN, "in-memory databases are not supported", nil),
			`sqlstore: Open: dsn ":memory:": invalid data source name: in-memory databases are not supported`},
		{newErr("Backup", "file", "x", ErrBackup, "verify", errors.New("quick_check: bad")),
			`sqlstore: Backup: file "x": backup failed: verify: quick_check: bad`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	err := error(newErr("Backup", "file", "x", ErrBackup, "", context.Canceled))
	if !errors.Is(err, ErrBackup) || !errors.Is(err, context.Canceled) {
		t.Errorf("%v: want both the sentinel and the cause visible to errors.Is", err)
	}
}
