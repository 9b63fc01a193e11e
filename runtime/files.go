// files.go: file primitives (PRIMITIVES.md §3.8): prim_readFile (honours LUNE_SYSTEM_ROOT), prim_writeFile.
// Failures are `Err <text>` in GHC's rendering `<path>: openFile: <kind> (<OS message>)`, never Go's text.
package rt

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"unicode/utf8"
)

// systemPath applies LUNE_SYSTEM_ROOT (read at every call): a path string starting with /proc or /sys (a plain
// prefix test, so /system qualifies too) is opened under the root.
func systemPath(path string) string {
	root := os.Getenv("LUNE_SYSTEM_ROOT")
	if root != "" && (strings.HasPrefix(path, "/proc") || strings.HasPrefix(path, "/sys")) {
		return root + path
	}
	return path
}

// readFileText reads a whole file as UTF-8 text; the error string is GHC-shaped.
func readFileText(path string) (string, string) {
	f, err := os.Open(path)
	if err != nil {
		return "", ghcIOError(path, "openFile", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return "", path + ": openFile: inappropriate type (is a directory)" // GHC refuses directories itself
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return "", ghcIOError(path, "hGetContents", err)
	}
	if !utf8.Valid(data) {
		return "", path + ": hGetContents: invalid argument (invalid byte sequence)"
	}
	return string(data), ""
}

// writeFileText creates or truncates path and writes text; the error string is GHC-shaped.
func writeFileText(path, text string) string {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return ghcIOError(path, "openFile", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return ghcIOError(path, "hPutStr", err)
	}
	if err := f.Close(); err != nil {
		return ghcIOError(path, "hClose", err)
	}
	return ""
}

// ghcIOError renders a Go I/O error as GHC shows an IOException: `<path>: <op>: <kind> (<strerror>)`.
func ghcIOError(path, op string, err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return path + ": " + op + ": failed (" + err.Error() + ")"
	}
	return path + ": " + op + ": " + ghcErrorKind(errno) + " (" + strerror(errno) + ")"
}

// ghcErrorKind is GHC's IOErrorType for an errno (Foreign.C.Error.errnoToIOError), as `show` prints it.
func ghcErrorKind(e syscall.Errno) string {
	switch e {
	case syscall.ENOENT, syscall.ENOTDIR, syscall.ENXIO, syscall.ESRCH:
		return "does not exist"
	case syscall.EACCES, syscall.EPERM, syscall.EROFS:
		return "permission denied"
	case syscall.EISDIR:
		return "inappropriate type"
	case syscall.EEXIST:
		return "already exists"
	case syscall.EBUSY, syscall.ETXTBSY:
		return "resource busy"
	case syscall.ENOSPC, syscall.EMFILE, syscall.ENFILE, syscall.ENOMEM, syscall.EDQUOT:
		return "resource exhausted"
	case syscall.EINVAL, syscall.ELOOP, syscall.ENAMETOOLONG, syscall.EBADF:
		return "invalid argument"
	case syscall.EPIPE, syscall.ECONNRESET, syscall.ECONNABORTED:
		return "resource vanished"
	case syscall.EADDRINUSE:
		return "resource busy"
	case syscall.ECONNREFUSED, syscall.ENETUNREACH, syscall.EHOSTUNREACH, syscall.EADDRNOTAVAIL:
		return "does not exist"
	case syscall.ETIMEDOUT:
		return "timeout"
	case syscall.EINTR:
		return "interrupted"
	default:
		return "failed"
	}
}

// strerror is the C library's message: Go's errno text with its first letter capitalised.
func strerror(e syscall.Errno) string {
	s := e.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// F_prim_readFile is `prim_readFile path`: an action giving `Ok text` or `Err message` (path rewritten by
// LUNE_SYSTEM_ROOT when the action runs; the message shows the rewritten path).
func F_prim_readFile(path Value) Value {
	p := AsString(path)
	return IOEffect(func() Value {
		text, errText := readFileText(systemPath(p))
		if errText != "" {
			return Err(errText)
		}
		return Ok(text)
	})
}

// F_prim_writeFile is `prim_writeFile path text`: an action giving `Ok Unit` or `Err message`.
func F_prim_writeFile(path, text Value) Value {
	p, t := AsString(path), AsString(text)
	return IOEffect(func() Value {
		if errText := writeFileText(p, t); errText != "" {
			return Err(errText)
		}
		return Ok(Unit)
	})
}

// Primitive values of the files group.
var (
	P_prim_readFile  = MkFunc("prim_readFile", 1, func(a []Value) Value { return F_prim_readFile(a[0]) })
	P_prim_writeFile = MkFunc("prim_writeFile", 2, func(a []Value) Value { return F_prim_writeFile(a[0], a[1]) })
)

func init() {
	register("prim_readFile", P_prim_readFile)
	register("prim_writeFile", P_prim_writeFile)
}
