package sqlstore

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// BackupOptions configure DB.Backup.
type BackupOptions struct {
	// Dir is the destination directory; it is created if needed.
	Dir string
	// Name starts the file name, usually the market ID ("de"); the file is
	// Name-20260102T030000.000Z.sqlite (SQLite) or .pgdump (PostgreSQL,
	// pg_dump's custom format). Default "backup".
	Name string
	// Keep is the retention: after a verified backup, only the Keep newest
	// backups of Name in Dir are kept. Zero keeps all.
	Keep int
	// Compress writes an SQLite backup gzip-compressed, as
	// Name-STAMP.sqlite.gz (typically 5–10× smaller; verification and
	// Restore decompress it to a temporary file). PostgreSQL archives are
	// compressed by pg_dump already.
	Compress bool
	// PgDump and PgRestore are the paths of pg_dump and pg_restore.
	// Default: found on PATH, then in the newest /usr/lib/postgresql/*/bin.
	PgDump, PgRestore string
}

// BackupInfo describes a verified backup.
type BackupInfo struct {
	Path   string
	Engine Engine
	Size   int64            // bytes
	Orders map[string]int64 // orders per market in the backup
	Took   time.Duration    // taking and verifying it
	Pruned []string         // older backups removed by the retention
}

const stampLayout = "20060102T150405.000Z"

// The extensions of backup files.
const (
	extSQLite   = ".sqlite"
	extSQLiteGz = ".sqlite.gz"
	extPgDump   = ".pgdump"
)

func backupExt(e Engine, compress bool) string {
	switch {
	case e == PostgreSQL:
		return extPgDump
	case compress:
		return extSQLiteGz
	}
	return extSQLite
}

// cutBackupExt splits a backup file name into its stem and extension.
func cutBackupExt(name string) (stem, ext string, ok bool) {
	for _, x := range []string{extSQLiteGz, extSQLite, extPgDump} {
		if s, found := strings.CutSuffix(name, x); found {
			return s, x, true
		}
	}
	return "", "", false
}

// Backup takes a consistent online backup of the database while it keeps
// serving: SQLite's VACUUM INTO (one read transaction, so the copy is one
// snapshot; writers are not blocked in WAL mode), or pg_dump (one
// repeatable-read snapshot). The copy is written under a temporary name,
// synced, verified (opened, checked, its orders counted per market: never
// fewer than the database had when the backup began) and only then given
// its final name; then the retention prunes older backups.
func (db *DB) Backup(ctx context.Context, opts BackupOptions) (*BackupInfo, error) {
	const op = "Backup"
	start := time.Now()
	if db.path == "" && db.dsn == "" {
		return nil, newErr(op, "database", "", ErrBackup, "a DB from New does not know its file or DSN; use Open", nil)
	}
	if opts.Dir == "" {
		return nil, newErr(op, "dir", "", ErrBackup, "no destination directory", nil)
	}
	if opts.Keep < 0 {
		return nil, newErr(op, "keep", strconv.Itoa(opts.Keep), ErrBackup, "must not be negative", nil)
	}
	name := opts.Name
	if name == "" {
		name = "backup"
	}
	if strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return nil, newErr(op, "name", name, ErrBackup, "not a plain file name", nil)
	}
	if err := os.MkdirAll(opts.Dir, 0o750); err != nil {
		return nil, newErr(op, "dir", opts.Dir, ErrBackup, "", err)
	}
	before, err := db.counts(ctx)
	if err != nil {
		return nil, newErr(op, "database", db.path+redact(db.dsn), ErrBackup, "count orders", err)
	}
	removeStaleTemps(opts.Dir, name)
	compress := opts.Compress && db.engine == SQLite
	final := filepath.Join(opts.Dir, name+"-"+time.Now().UTC().Format(stampLayout)+backupExt(db.engine, compress))
	tmp := filepath.Join(opts.Dir, ".tmp-"+strings.TrimSuffix(filepath.Base(final), ".gz"))
	_ = os.Remove(tmp)
	defer os.Remove(tmp)
	switch db.engine {
	case SQLite:
		err = db.vacuumInto(ctx, tmp)
	case PostgreSQL:
		err = pgDump(ctx, opts.PgDump, db.dsn, tmp)
	}
	if err != nil {
		return nil, newErr(op, "file", final, ErrBackup, "", err)
	}
	if err := syncFile(tmp); err != nil {
		return nil, newErr(op, "file", final, ErrBackup, "sync", err)
	}
	counts, err := verify(ctx, db.engine, tmp, opts.PgRestore)
	if err != nil {
		return nil, newErr(op, "file", final, ErrBackup, "verify", err)
	}
	for m, n := range before {
		if counts[m] < n {
			return nil, newErr(op, "file", final, ErrBackup,
				fmt.Sprintf("the backup has %d orders of market %s, the database had %d before it began", counts[m], m, n), nil)
		}
	}
	if compress {
		gz := tmp + ".gz"
		defer os.Remove(gz)
		if err := gzipFile(tmp, gz); err != nil {
			return nil, newErr(op, "file", final, ErrBackup, "compress", err)
		}
		tmp = gz
	}
	if err := os.Rename(tmp, final); err != nil {
		return nil, newErr(op, "file", final, ErrBackup, "", err)
	}
	_ = syncDir(opts.Dir)
	fi, err := os.Stat(final)
	if err != nil {
		return nil, newErr(op, "file", final, ErrBackup, "", err)
	}
	info := &BackupInfo{Path: final, Engine: db.engine, Size: fi.Size(), Orders: counts}
	if opts.Keep > 0 {
		info.Pruned, err = Prune(opts.Dir, name, opts.Keep)
		if err != nil {
			return info, err
		}
	}
	info.Took = time.Since(start)
	return info, nil
}

// staleAfter is the age at which Backup removes a temporary file left by
// an earlier backup of the same name that was killed mid-way.
const staleAfter = 6 * time.Hour

func removeStaleTemps(dir, name string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".tmp-"+name+"-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAfter {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// counts returns the orders per market.
func (db *DB) counts(ctx context.Context) (map[string]int64, error) {
	return countOrders(ctx, db.r)
}

func countOrders(ctx context.Context, q querier) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT market, COUNT(*) FROM orders GROUP BY market")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var m string
		var n int64
		if err := rows.Scan(&m, &n); err != nil {
			return nil, err
		}
		out[m] = n
	}
	return out, rows.Err()
}

func (db *DB) vacuumInto(ctx context.Context, dst string) error {
	// A connection of its own: the read pool is query_only, and the
	// writer must stay free for orders while the copy runs.
	c, err := sql.Open("sqlite", db.path+"?_busy_timeout=5000")
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.ExecContext(ctx, "VACUUM INTO ?", dst)
	return err
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// VerifyBackup opens a backup file written by Backup (the engine is told
// by its extension), checks it and returns its orders per market.
func VerifyBackup(ctx context.Context, path, pgRestore string) (map[string]int64, error) {
	e, gz, err := backupEngine(path)
	if err != nil {
		return nil, err
	}
	file := path
	if gz {
		plain, err := gunzipTemp(path)
		if err != nil {
			return nil, newErr("VerifyBackup", "file", path, ErrBackup, "decompress", err)
		}
		defer os.Remove(plain)
		file = plain
	}
	counts, err := verify(ctx, e, file, pgRestore)
	if err != nil {
		return nil, newErr("VerifyBackup", "file", path, ErrBackup, "", err)
	}
	return counts, nil
}

// backupEngine tells the engine of a backup file by its extension and
// whether it is gzip-compressed.
func backupEngine(path string) (Engine, bool, error) {
	switch _, ext, _ := cutBackupExt(filepath.Base(path)); ext {
	case extSQLite:
		return SQLite, false, nil
	case extSQLiteGz:
		return SQLite, true, nil
	case extPgDump:
		return PostgreSQL, false, nil
	}
	return 0, false, newErr("VerifyBackup", "file", path, ErrBackup, "want a .sqlite, .sqlite.gz or .pgdump file written by Backup", nil)
}

// gzipFile compresses src into dst (synced), then reads dst back through
// gzip's checksum, so a compressed backup is verified too.
func gzipFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestSpeed)
	if _, err := io.Copy(zw, in); err != nil {
		out.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	f, err := os.Open(dst)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil {
		return err
	}
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if fi.Size() != n {
		return fmt.Errorf("compressed copy holds %d bytes, the backup %d", n, fi.Size())
	}
	return nil
}

// gunzipTemp decompresses a .gz file into a temporary file and returns
// its name; the caller removes it.
func gunzipTemp(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	out, err := os.CreateTemp("", "marketkit-restore-*.sqlite")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, zr)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

func verify(ctx context.Context, e Engine, path, pgRestore string) (map[string]int64, error) {
	if e == PostgreSQL {
		return verifyDump(ctx, pgRestore, path)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	c, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var check string
	if err := c.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return nil, err
	}
	if check != "ok" {
		return nil, fmt.Errorf("quick_check: %s", check)
	}
	applied, err := appliedVersions(ctx, c)
	if err != nil {
		return nil, err
	}
	if err := checkVersions(applied); err != nil {
		return nil, err
	}
	return countOrders(ctx, c)
}

// checkVersions accepts the schema versions of a backup this program can
// open: 1..n with n at most SchemaVersion().
func checkVersions(applied map[int]string) error {
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		return fmt.Errorf("no schema_migrations rows: not a marketkit database")
	}
	for v, name := range applied {
		if v > len(ms) {
			return fmt.Errorf("%w: version %d", ErrSchemaTooNew, v)
		}
		if ms[v-1].name != name {
			return fmt.Errorf("%w: version %d is %q, want %q", ErrSchemaMismatch, v, name, ms[v-1].name)
		}
	}
	return nil
}

// findTool returns explicit, or name on PATH, or the newest Debian
// /usr/lib/postgresql/*/bin/name.
func findTool(name, explicit string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", newErr("Backup", name, explicit, ErrNoTool, "", err)
		}
		return explicit, nil
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	ds, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	sort.Slice(ds, func(i, j int) bool { return pgMajor(ds[i]) > pgMajor(ds[j]) })
	if len(ds) > 0 {
		return ds[0], nil
	}
	return "", newErr("Backup", name, "", ErrNoTool, "install PostgreSQL's client programs (Debian: apt-get install postgresql-client)", nil)
}

func pgMajor(p string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(p))))
	return v
}

// pgCommand runs a PostgreSQL client program with the DSN's password in
// PGPASSWORD, not on the command line (where ps would show it).
func pgCommand(ctx context.Context, tool, dsn string, args ...string) *exec.Cmd {
	env := os.Environ()
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok {
			env = append(env, "PGPASSWORD="+pw)
			u.User = url.User(u.User.Username())
			dsn = u.String()
		}
	}
	cmd := exec.CommandContext(ctx, tool, append(args, "--dbname="+dsn)...)
	cmd.Env = env
	return cmd
}

func runTool(cmd *exec.Cmd) ([]byte, error) {
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if len(msg) > 2000 {
			msg = msg[:2000] + "…"
		}
		return nil, fmt.Errorf("%s: %v: %s", filepath.Base(cmd.Path), err, msg)
	}
	return out.Bytes(), nil
}

func pgDump(ctx context.Context, tool, dsn, dst string) error {
	p, err := findTool("pg_dump", tool)
	if err != nil {
		return err
	}
	_, err = runTool(pgCommand(ctx, p, dsn, "--format=custom", "--no-owner", "--file="+dst))
	return err
}

// verifyDump reads the orders and schema_migrations data of a pg_dump
// archive through pg_restore (no server needed) and counts the orders.
func verifyDump(ctx context.Context, tool, path string) (map[string]int64, error) {
	p, err := findTool("pg_restore", tool)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, p, "--data-only", "--table=orders", "--table=schema_migrations", "--file=-", path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	counts, applied, perr := parseCopy(out)
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("pg_restore: %v: %s", err, strings.TrimSpace(errb.String()))
	}
	if perr != nil {
		return nil, perr
	}
	if err := checkVersions(applied); err != nil {
		return nil, err
	}
	return counts, nil
}

// parseCopy reads the COPY blocks of pg_restore's SQL output: orders
// rows are counted by their first column (market), schema_migrations rows
// give version and name. A block starts with a line
// `COPY [schema.]table (columns) FROM stdin;` and ends with `\.`; a block
// cut short is an error.
func parseCopy(r io.Reader) (map[string]int64, map[int]string, error) {
	counts := map[string]int64{}
	applied := map[int]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 2*MaxOrderBytes+1<<16)
	table := ""
	for sc.Scan() {
		line := sc.Text()
		if table == "" {
			table = copyTable(line)
			continue
		}
		if line == `\.` {
			table = ""
			continue
		}
		cols := strings.Split(line, "\t")
		switch table {
		case "orders":
			counts[cols[0]]++
		case "schema_migrations":
			if len(cols) < 2 {
				return nil, nil, fmt.Errorf("schema_migrations row %q", line)
			}
			v, err := strconv.Atoi(cols[0])
			if err != nil || v < 1 {
				return nil, nil, fmt.Errorf("schema_migrations version %q", cols[0])
			}
			applied[v] = cols[1]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if table != "" {
		return nil, nil, fmt.Errorf("the data of table %s is cut short", table)
	}
	return counts, applied, nil
}

// copyTable returns the table of a COPY … FROM stdin; line without its
// schema ("orders"), or "" for any other line.
func copyTable(line string) string {
	rest, ok := strings.CutPrefix(line, "COPY ")
	if !ok || !strings.HasSuffix(rest, " FROM stdin;") {
		return ""
	}
	name, _, _ := strings.Cut(rest, " ")
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if name == "" {
		return ""
	}
	return name
}

// Backups lists the backups of name in dir (the files Backup writes,
// name-STAMP.sqlite, .sqlite.gz or .pgdump), newest first. Other files, including
// those of a name that merely starts the same ("de-ch" beside "de"), are
// not listed.
func Backups(dir, name string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, newErr("Backups", "dir", dir, ErrBackup, "", err)
	}
	type bk struct {
		t    time.Time
		path string
	}
	var bs []bk
	for _, e := range ents {
		n := e.Name()
		rest, ok := strings.CutPrefix(n, name+"-")
		if !ok || e.IsDir() {
			continue
		}
		stamp, _, ok := cutBackupExt(rest)
		if !ok {
			continue
		}
		t, err := time.Parse(stampLayout, stamp)
		if err != nil {
			continue
		}
		bs = append(bs, bk{t, filepath.Join(dir, n)})
	}
	slices.SortFunc(bs, func(a, b bk) int { return b.t.Compare(a.t) })
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.path
	}
	return out, nil
}

// Prune removes the backups of name in dir (as listed by Backups) but the
// keep newest, and returns the removed paths. keep below 1 counts as 1:
// the newest backup is never removed.
func Prune(dir, name string, keep int) ([]string, error) {
	bs, err := Backups(dir, name)
	if err != nil {
		return nil, err
	}
	var removed []string
	for i := max(keep, 1); i < len(bs); i++ {
		if err := os.Remove(bs[i]); err != nil {
			return removed, newErr("Prune", "file", bs[i], ErrBackup, "", err)
		}
		removed = append(removed, bs[i])
	}
	return removed, nil
}

// RestoreOptions configure Restore.
type RestoreOptions struct {
	// PgRestore is the path of pg_restore (default as in BackupOptions).
	PgRestore string
	// Open configures the Open that checks the restored database.
	Open *Options
}

// RestoreInfo describes a restore.
type RestoreInfo struct {
	Orders map[string]int64 // orders per market, as verified in the restored database
	// Previous is, for SQLite, a consistent copy of the database that the
	// restore replaced ("" when there was none).
	Previous string
}

// Restore brings a backup written by Backup back into the database named
// by dsn, then opens it (applying newer migrations) and checks that it
// holds exactly the backup's orders. The market's processes must be
// stopped first (its maintenance window): a process that keeps an SQLite
// file open would go on writing to the replaced file.
//
// SQLite: the current file, if any, is first copied (VACUUM INTO) to
// PATH.pre-restore-STAMP.sqlite (a backup file VerifyBackup and Restore accept), then the backup is copied beside it, synced, and
// renamed over it. PostgreSQL: pg_restore --clean --if-exists in a single
// transaction, so a failed restore changes nothing.
func Restore(ctx context.Context, backupPath, dsn string, opts *RestoreOptions) (*RestoreInfo, error) {
	const op = "Restore"
	var o RestoreOptions
	if opts != nil {
		o = *opts
	}
	be, gz, err := backupEngine(backupPath)
	if err != nil {
		return nil, err
	}
	if gz {
		plain, err := gunzipTemp(backupPath)
		if err != nil {
			return nil, newErr(op, "file", backupPath, ErrBackup, "decompress", err)
		}
		defer os.Remove(plain)
		backupPath = plain
	}
	e, target, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	if e != be {
		return nil, newErr(op, "file", backupPath, ErrBackup, "a "+be.String()+" backup cannot be restored into "+e.String(), nil)
	}
	want, err := verify(ctx, e, backupPath, o.PgRestore)
	if err != nil {
		return nil, newErr(op, "file", backupPath, ErrBackup, "verify", err)
	}
	info := &RestoreInfo{}
	switch e {
	case SQLite:
		info.Previous, err = restoreSQLite(ctx, backupPath, target)
	case PostgreSQL:
		var p string
		if p, err = findTool("pg_restore", o.PgRestore); err == nil {
			_, err = runTool(pgCommand(ctx, p, target, "--clean", "--if-exists", "--no-owner",
				"--single-transaction", "--exit-on-error", backupPath))
		}
	}
	if err != nil {
		return nil, newErr(op, "dsn", target, ErrBackup, "", err)
	}
	db, err := Open(ctx, dsn, o.Open)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	got, err := db.counts(ctx)
	if err != nil {
		return nil, newErr(op, "dsn", redact(dsn), ErrBackup, "count orders", err)
	}
	if !mapsEqual(got, want) {
		return nil, newErr(op, "dsn", redact(dsn), ErrBackup, fmt.Sprintf("restored orders %v, the backup has %v", got, want), nil)
	}
	info.Orders = got
	return info, nil
}

func mapsEqual(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func restoreSQLite(ctx context.Context, src, target string) (string, error) {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", err
	}
	prev := ""
	if _, err := os.Stat(target); err == nil {
		prev = target + ".pre-restore-" + time.Now().UTC().Format(stampLayout) + ".sqlite"
		db := &DB{path: target}
		if err := db.vacuumInto(ctx, prev); err != nil {
			return "", fmt.Errorf("copy the current database aside: %w", err)
		}
		if err := syncFile(prev); err != nil {
			return "", err
		}
	}
	tmp := target + ".restore-tmp"
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	for _, s := range []string{"-wal", "-shm"} {
		if err := os.Remove(target + s); err != nil && !os.IsNotExist(err) {
			os.Remove(tmp)
			return "", err
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return prev, syncDir(dir)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
