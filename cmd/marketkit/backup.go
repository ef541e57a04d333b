package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/sqlstore"
)

func init() {
	register(command{Name: "backup", Summary: "take, verify and prune a backup of one market's database", Run: runBackup})
}

const backupUsage = `usage: marketkit backup --market ID [--dir DIR] [--keep N] [--gzip] CONFIG

Takes a consistent online backup of market ID's database, named by the
database settings of the configuration CONFIG (SQLite: VACUUM INTO;
PostgreSQL: pg_dump, which must be installed), while the market keeps
taking orders. The backup is verified (opened, checked, its orders
counted) before it gets its final name, ID-<UTC time>.sqlite or .pgdump,
in the policy's destination directory; then only the policy's "keep"
newest backups of the market are kept. --dir and --keep override the
policy. --gzip compresses an SQLite backup (ID-<UTC time>.sqlite.gz).
Relative paths are relative to the current directory.

Exit status: 0 backed up, 1 the backup failed, 2 usage or configuration
errors.
`

// marketDB is what backup and restore need of a market.
type marketDB struct {
	id, dsn, residency string
	policy             *store.BackupPolicy
}

// loadMarketDB reads the configuration and resolves market id's database.
func loadMarketDB(path, id string) (marketDB, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return marketDB{}, err
	}
	cfg, err := store.Decode(data)
	if err != nil {
		return marketDB{}, err
	}
	m, ok := cfg.Market(id)
	if !ok {
		return marketDB{}, fmt.Errorf("market %q is not in %s (markets: %s)", id, path, strings.Join(cfg.MarketIDs(), ", "))
	}
	d, _ := cfg.DatabaseOf(id)
	if d.DSN == "" {
		return marketDB{}, fmt.Errorf("market %q has no database.dsn in %s", id, path)
	}
	return marketDB{id: id, dsn: d.DSN, residency: m.Residency, policy: d.Backup}, nil
}

func (m marketDB) open(ctx context.Context) (*sqlstore.DB, error) {
	return sqlstore.Open(ctx, m.dsn, &sqlstore.Options{Markets: []string{m.id}, Residency: m.residency})
}

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, backupUsage) }
	market := fs.String("market", "", "the market `ID`")
	dir := fs.String("dir", "", "destination `directory` (default: the policy's destination)")
	keep := fs.Int("keep", -1, "keep the `N` newest backups (default: the policy's keep)")
	gz := fs.Bool("gzip", false, "compress an SQLite backup")
	if err := fs.Parse(flagsFirst(args, "market", "dir", "keep")); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *market == "" {
		fs.Usage()
		return 2
	}
	m, err := loadMarketDB(fs.Arg(0), *market)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit backup:", err)
		return 2
	}
	opts := sqlstore.BackupOptions{Dir: *dir, Name: m.id, Keep: *keep, Compress: *gz}
	if m.policy != nil {
		if opts.Dir == "" {
			opts.Dir = m.policy.Destination
		}
		if opts.Keep < 0 {
			opts.Keep = m.policy.Keep
		}
	}
	if opts.Dir == "" {
		fmt.Fprintf(stderr, "marketkit backup: market %q has no backup destination; give --dir\n", m.id)
		return 2
	}
	if strings.Contains(opts.Dir, "://") {
		fmt.Fprintf(stderr, "marketkit backup: destination %q: only directories are supported\n", opts.Dir)
		return 2
	}
	opts.Keep = max(opts.Keep, 0)
	// A backup never creates the database it was asked to copy.
	if e, path, err := sqlstore.ParseDSN(m.dsn); err == nil && e == sqlstore.SQLite {
		if _, err := os.Stat(path); err != nil {
			fmt.Fprintf(stderr, "marketkit backup: market %q: no database at %s: %v\n", m.id, path, err)
			return 1
		}
	}
	db, err := m.open(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit backup:", err)
		return 1
	}
	defer db.Close()
	info, err := db.Backup(ctx, opts)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit backup:", err)
		return 1
	}
	fmt.Fprintf(stdout, "backup %s\nmarket %s (%s)\norders %d\nsize %d bytes\ntook %s\n",
		info.Path, m.id, info.Engine, info.Orders[m.id], info.Size, info.Took.Round(1e6))
	for _, p := range info.Pruned {
		fmt.Fprintln(stdout, "pruned", p)
	}
	return 0
}

// flagsFirst moves the flags (and the values of the named valued flags)
// before the positional arguments, so "backup CONFIG --market de" works
// like "backup --market de CONFIG".
func flagsFirst(args []string, valued ...string) []string {
	takes := func(a string) bool {
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			return false
		}
		for _, v := range valued {
			if name == v {
				return true
			}
		}
		return false
	}
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if takes(a) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(append(flags, "--"), pos...)
}
