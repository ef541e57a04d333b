package sqlstore

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store/web/handoff"
)

var _ handoff.ReplayStore = (*DB)(nil)

func TestConsume(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "de.db"), nil)
	ctx := context.Background()
	exp := time.Now().Add(time.Minute)
	for i, want := range []bool{true, false, false} {
		fresh, err := db.Consume(ctx, "n", exp)
		if err != nil || fresh != want {
			t.Errorf("Consume #%d = %v, %v; want %v", i+1, fresh, err, want)
		}
	}
	if _, err := db.Consume(ctx, "", exp); err == nil {
		t.Error("Consume of an empty nonce: no error")
	}
}
