//go:build unix

package catalog_test

import (
	"syscall"
	"time"
)

// cpuNow returns the process's user + system CPU time.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
