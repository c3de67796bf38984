// Command ferretdb-launcher runs FerretDB v1 with its SQLite backend through the embeddable
// package. The platform uses it as its default database when MONGODB_URI is unset.
//
// It prints one line "READY <mongodb uri>" on stdout once the listener accepts connections,
// so a parent can ask for port 0 and learn the real port without racing for it.
// It stops cleanly on SIGINT/SIGTERM and, with -watch-stdin, when its stdin closes
// (the parent died, however it died), so it never outlives the process that started it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (host:port; port 0 picks a free one)")
	dataDir := flag.String("data", "./data/db", "directory for the SQLite files (created if missing)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", false, "stop when stdin reaches EOF (the parent went away)")
	flag.Parse()

	if err := run(*listen, *dataDir, *logLevel, *watchStdin); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-launcher: %s\n", err)
		os.Exit(1)
	}
}

func run(listen, dataDir, logLevel string, watchStdin bool) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: use debug, info, warn or error", logLevel)
	}
	logger := slog.New(&lazyHandler{inner: slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})})

	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return fmt.Errorf("bad -data %q: %w", dataDir, err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return fmt.Errorf("cannot create data directory %s: %w", abs, err)
	}

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = db.Run(ctx)
	}()

	fmt.Printf("READY %s\n", db.MongoDBURI())

	<-ctx.Done()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		return fmt.Errorf("did not stop within 10s")
	}
	return nil
}
