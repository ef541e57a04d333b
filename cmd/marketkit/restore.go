package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/marketkit/marketkit/store/sqlstore"
)

func init() {
	register(command{Name: "restore", Summary: "restore one market's database from a verified backup", Run: runRestore})
}

const restoreUsage = `usage: marketkit restore --market ID (--from FILE | --latest) [--dir DIR] CONFIG

Restores market ID's database, named by the configuration CONFIG, from a
backup written by "marketkit backup": FILE, or with --latest the newest
backup of the market in the policy's destination (or --dir). The backup is
verified first; a corrupt one changes nothing. An SQLite database that is
replaced is first copied to PATH.pre-restore-<UTC time>.sqlite; PostgreSQL
is restored with pg_restore in one transaction. Afterwards the database is
opened (newer migrations applied) and must hold exactly the backup's
orders.

Stop the market's instance before restoring (its maintenance window): a
process that keeps the old SQLite file open would go on writing to it.

Exit status: 0 restored, 1 the restore failed, 2 usage or configuration
errors.
`

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, restoreUsage) }
	market := fs.String("market", "", "the market `ID`")
	from := fs.String("from", "", "the backup `file`")
	latest := fs.Bool("latest", false, "restore the newest backup of the market")
	dir := fs.String("dir", "", "where --latest looks (default: the policy's destination)")
	if err := fs.Parse(flagsFirst(args, "market", "from", "dir")); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *market == "" || (*from == "") == !*latest {
		fs.Usage()
		return 2
	}
	m, err := loadMarketDB(fs.Arg(0), *market)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit restore:", err)
		return 2
	}
	file := *from
	if *latest {
		d := *dir
		if d == "" && m.policy != nil {
			d = m.policy.Destination
		}
		if d == "" {
			fmt.Fprintf(stderr, "marketkit restore: market %q has no backup destination; give --dir or --from\n", m.id)
			return 2
		}
		if file, err = newestBackup(d, m.id); err != nil {
			fmt.Fprintln(stderr, "marketkit restore:", err)
			return 1
		}
	}
	res, err := sqlstore.Restore(ctx, file, m.dsn, &sqlstore.RestoreOptions{
		Open: &sqlstore.Options{Markets: []string{m.id}, Residency: m.residency},
	})
	if err != nil {
		fmt.Fprintln(stderr, "marketkit restore:", err)
		return 1
	}
	fmt.Fprintf(stdout, "restored %s\nmarket %s\norders %d\n", file, m.id, res.Orders[m.id])
	if res.Previous != "" {
		fmt.Fprintln(stdout, "previous database kept as", res.Previous)
	}
	return 0
}

// newestBackup returns the newest backup of market in dir.
func newestBackup(dir, market string) (string, error) {
	bs, err := sqlstore.Backups(dir, market)
	if err != nil {
		return "", err
	}
	if len(bs) == 0 {
		return "", fmt.Errorf("no backup of market %q in %s", market, dir)
	}
	return bs[0], nil
}
