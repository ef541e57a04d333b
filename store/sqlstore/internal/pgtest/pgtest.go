// Package pgtest starts a throw-away PostgreSQL server for tests: initdb
// and pg_ctl from the installed binaries, in a temporary directory,
// listening on 127.0.0.1 on a free port, with its unix socket in that
// directory. When the process runs as root, the server runs as the
// "postgres" user (PostgreSQL refuses to run as root).
//
// Without the binaries the tests skip with a message saying how to install
// them (Debian: apt-get install postgresql). MARKETKIT_PG_BIN names the
// directory holding initdb, pg_ctl and postgres when they are elsewhere.
package pgtest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Server is a running PostgreSQL server.
type Server struct {
	Port  int    // on 127.0.0.1
	Bin   string // the directory of initdb, pg_ctl, pg_dump, pg_restore
	dir   string
	asPG  bool // run commands as the postgres user
	n     atomic.Int64
	admin *sql.DB // to database postgres
}

var (
	shared    *Server
	sharedErr error
	once      sync.Once
)

// Shared returns the server shared by the tests of the process, starting
// it on first use; it skips tb when PostgreSQL is not installed or does
// not start. Call Stop from TestMain after m.Run.
func Shared(tb testing.TB) *Server {
	tb.Helper()
	once.Do(func() { shared, sharedErr = start() })
	if sharedErr != nil {
		if errors.Is(sharedErr, errNotInstalled) {
			tb.Skip(sharedErr.Error())
		}
		tb.Fatal(sharedErr)
	}
	return shared
}

// Stop stops the shared server if it was started.
func Stop() {
	if shared != nil {
		shared.stop()
	}
}

var errNotInstalled = errors.New("pgtest: PostgreSQL binaries (initdb, pg_ctl, postgres) not found: " +
	"install them (Debian/Ubuntu: apt-get install postgresql) or set MARKETKIT_PG_BIN to their directory")

// BinDir finds the directory of initdb and pg_ctl: $MARKETKIT_PG_BIN, the
// directory of initdb on PATH, or the newest /usr/lib/postgresql/*/bin.
func BinDir() (string, error) {
	ok := func(d string) bool {
		for _, b := range []string{"initdb", "pg_ctl", "postgres"} {
			if _, err := os.Stat(filepath.Join(d, b)); err != nil {
				return false
			}
		}
		return true
	}
	if d := os.Getenv("MARKETKIT_PG_BIN"); d != "" {
		if ok(d) {
			return d, nil
		}
		return "", fmt.Errorf("%w (MARKETKIT_PG_BIN=%s)", errNotInstalled, d)
	}
	if p, err := exec.LookPath("initdb"); err == nil && ok(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	ds, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(ds, func(i, j int) bool { return version(ds[i]) > version(ds[j]) })
	for _, d := range ds {
		if ok(d) {
			return d, nil
		}
	}
	return "", errNotInstalled
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func start() (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	s := &Server{Bin: bin}
	s.dir, err = os.MkdirTemp("", "marketkit-pg-")
	if err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			s.stop()
			return nil, fmt.Errorf("%w: running as root needs a \"postgres\" user to run the server", errNotInstalled)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(s.dir, uid, gid); err != nil {
			s.stop()
			return nil, err
		}
		s.asPG = true
	}
	data := filepath.Join(s.dir, "data")
	if out, err := s.run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-locale"); err != nil {
		s.stop()
		return nil, fmt.Errorf("pgtest: initdb: %v\n%s", err, out)
	}
	for try := 0; ; try++ {
		s.Port, err = freePort()
		if err != nil {
			s.stop()
			return nil, err
		}
		opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c full_page_writes=off -c max_connections=200", s.Port, s.dir)
		out, err := s.run("pg_ctl", "-D", data, "-l", filepath.Join(s.dir, "log"), "-w", "-t", "30", "-o", opts, "start")
		if err == nil {
			break
		}
		if try == 2 {
			log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
			s.stop()
			return nil, fmt.Errorf("pgtest: pg_ctl start: %v\n%s\n%s", err, out, log)
		}
	}
	s.admin, err = sql.Open("pgx", s.DSN("postgres"))
	if err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) run(prog string, args ...string) ([]byte, error) {
	p := filepath.Join(s.Bin, prog)
	var cmd *exec.Cmd
	if s.asPG {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", p}, args...)...)
	} else {
		cmd = exec.Command(p, args...)
	}
	cmd.Dir = s.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) stop() {
	if s.dir == "" {
		return
	}
	if s.admin != nil {
		s.admin.Close()
	}
	if _, err := os.Stat(filepath.Join(s.dir, "data", "postmaster.pid")); err == nil {
		_, _ = s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	}
	_ = os.RemoveAll(s.dir)
	s.dir = ""
}

// DSN returns the URL of database db on the server.
func (s *Server) DSN(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.Port, db)
}

func (s *Server) name(prefix string) string {
	return prefix + strconv.Itoa(os.Getpid()) + "_" + strconv.FormatInt(s.n.Add(1), 10)
}

// NewDatabase creates an empty database with a fresh name and returns its
// DSN. The database is dropped when the test ends.
func (s *Server) NewDatabase(tb testing.TB) string {
	tb.Helper()
	name := s.name("t")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := s.admin.ExecContext(ctx, "CREATE DATABASE "+name+" STRATEGY FILE_COPY"); err != nil {
		tb.Fatalf("pgtest: create database: %v", err)
	}
	tb.Cleanup(func() { _, _ = s.admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	return s.DSN(name)
}

// NewSchema creates an empty schema in database postgres and returns a
// DSN whose search_path is that schema: as isolated as a database for
// unqualified names, and much cheaper to create. (pg_dump of such a DSN
// dumps the whole database; backup tests use NewDatabase.) The schema is
// dropped when the test ends.
func (s *Server) NewSchema(tb testing.TB) string {
	tb.Helper()
	name := s.name("s")
	if _, err := s.admin.Exec("CREATE SCHEMA " + name); err != nil {
		tb.Fatalf("pgtest: create schema: %v", err)
	}
	tb.Cleanup(func() { _, _ = s.admin.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE") })
	return s.DSN("postgres") + "&search_path=" + name
}
