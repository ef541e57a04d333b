// Command marketkit is the operator's tool for a marketkit deployment.
//
// Usage:
//
//	marketkit <command> [arguments]
//
// Each command lives in its own file and registers itself in commands
// (from that file's init), so adding one is adding a file:
//
//	func init() { register(command{Name: "backup", Summary: "…", Run: runBackup}) }
//
// Run "marketkit help" for the list.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand. Run receives the arguments after the command
// name and returns the process exit status (0 success, 1 the command found
// problems or failed, 2 usage error).
type command struct {
	Name    string
	Summary string // one line for "marketkit help"
	Run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

// commands is filled by register from each command file's init.
var commands = map[string]command{}

// register adds a command; a duplicate name is a programming error.
func register(c command) {
	if _, dup := commands[c.Name]; dup {
		panic("marketkit: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches args to a command; tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "marketkit: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return c.Run(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: marketkit <command> [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-15s %s\n", n, commands[n].Summary)
	}
}
