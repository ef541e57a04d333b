package sqlstore

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

// The crash test re-executes the test binary as a writer process. The
// child places orders with keys crash-0, crash-1, … into the database
// named by childEnv and prints "placed KEY ID" after each PlaceOrder
// returned success; the parent kills it with SIGKILL in mid-stream.
const childEnv = "MARKETKIT_SQLSTORE_CRASH_CHILD"

func crashChild() {
	ctx := context.Background()
	db, err := Open(ctx, os.Getenv(childEnv), nil)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	w := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		key := "crash-" + strconv.Itoa(i)
		o, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", key, 1+i%4))
		if err != nil {
			fmt.Fprintln(w, "error", err)
			w.Flush()
			os.Exit(3)
		}
		fmt.Fprintln(w, "placed", key, o.ID)
		w.Flush() // before the next placement: the parent sees every success
	}
}

func TestCrashSafety(t *testing.T) {
	t.Parallel()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			dsn := e.dsn(t, "de")
			ctx := context.Background()
			// Create the schema first so that the child's kill can fall
			// anywhere in the order stream, not in a migration.
			openTest(t, dsn, nil).Close()

			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+dsn)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			placed := map[string]string{} // key → order ID
			sc := bufio.NewScanner(out)
			const killAfter = 60
			deadline := time.AfterFunc(30*time.Second, func() { cmd.Process.Kill() })
			defer deadline.Stop()
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				if len(f) != 3 || f[0] != "placed" {
					t.Fatalf("child: %s", sc.Text())
				}
				placed[f[1]] = f[2]
				if len(placed) == killAfter {
					if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
						t.Fatal(err)
					}
				}
			}
			err = cmd.Wait()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
				t.Fatalf("child ended with %v, want killed by SIGKILL", err)
			}
			if len(placed) < killAfter {
				t.Fatalf("child reported %d orders before dying, want at least %d", len(placed), killAfter)
			}

			db := openTest(t, dsn, nil)
			n, err := db.CountOrders(ctx, "de")
			if err != nil {
				t.Fatal(err)
			}
			// Every reported order is there once; at most one more (placed
			// but killed before it could report) may exist.
			if n < int64(len(placed)) || n > int64(len(placed))+1 {
				t.Errorf("after the crash the database has %d orders; the child reported %d", n, len(placed))
			}
			for key, id := range placed {
				o, err := db.Order(ctx, "de", id)
				if err != nil {
					t.Errorf("order %s (key %s) reported placed is missing: %v", id, key, err)
					continue
				}
				if o.IdempotencyKey != key {
					t.Errorf("order %s has key %s, want %s", id, o.IdempotencyKey, key)
				}
				// A retry after the crash returns the same order, not a new one.
				i, _ := strconv.Atoi(strings.TrimPrefix(key, "crash-"))
				again, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", key, 1+i%4))
				if err != nil || again.ID != id {
					t.Errorf("retry of %s after the crash: %v, %v; want order %s", key, again, err, id)
				}
			}
		})
	}
}
