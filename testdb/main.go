// Command ferretdb-launcher runs FerretDB v1 (a MongoDB wire-protocol server) embedded,
// so the tests and a newcomer's `npm start` get a real MongoDB-compatible database
// without installing MongoDB. It serves until SIGINT/SIGTERM or until its parent's
// stdin closes (so a crashed test runner never leaves it behind).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "sqlite", "backend: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", "postgres://root@127.0.0.1:5432/test", "PostgreSQL URL (handler postgresql)")
	sqliteDir := flag.String("sqlite-dir", "./data/sqlite", "directory for the SQLite backend's files")
	sqliteSync := flag.String("sqlite-synchronous", "normal", "SQLite's synchronous setting: normal (a commit waits for the disk at checkpoints, as MongoDB's default write concern waits for no journal) or full (every commit waits for the disk)")
	watchStdin := flag.Bool("watch-stdin", false, "exit when standard input closes")
	logLevel := flag.String("log-level", "error", "FerretDB log level: debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("bad -log-level %q: %v", *logLevel, err)
	}
	// FerretDB logs every failed command at warn (e.g. mongoose's harmless createCollection
	// races); error level keeps test output readable.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	cfg := &ferretdb.Config{Handler: *handler, Logger: logger}
	cfg.Listener.TCP = *listen
	switch *handler {
	case "postgresql":
		cfg.PostgreSQLURL = *pgURL
	case "sqlite":
		if err := os.MkdirAll(*sqliteDir, 0o755); err != nil {
			log.Fatalf("cannot create %s: %v", *sqliteDir, err)
		}
		if *sqliteSync != "normal" && *sqliteSync != "full" {
			log.Fatalf("bad -sqlite-synchronous %q (use normal or full)", *sqliteSync)
		}
		cfg.SQLiteURL = "file:" + *sqliteDir + "/?_pragma=synchronous(" + *sqliteSync + ")"
	default:
		log.Fatalf("unknown handler %q (use postgresql or sqlite)", *handler)
	}

	fdb, err := ferretdb.New(cfg)
	if err != nil {
		log.Fatalf("ferretdb.New: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	fmt.Fprintf(os.Stdout, "ferretdb-launcher: serving %s backend on %s\n", *handler, *listen)
	if err := fdb.Run(ctx); err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}
