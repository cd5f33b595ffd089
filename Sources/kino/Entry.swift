import ArgumentParser
import Foundation
import KinoCore

extension CommandLine {
    /// Parses and runs one kino command line; exits the process with its status. Output that
    /// could not be written (a closed or full stdout) makes the status non-zero.
    static func runKino(_ arguments: [String]) -> Never {
        var status: Int32
        if let bad = StandardStreams.firstInvalidUTF8Argument() {
            StandardStreams.writeError("kino: argument \(bad) is not valid UTF-8; Kino reads text as UTF-8 only\n")
            status = 64   // EX_USAGE
        } else {
            status = runKinoReturning(arguments)
        }
        if let failure = StandardStreams.flushOutput() {
            StandardStreams.writeError("kino: cannot write to standard output: \(failure)\n")
            if status == 0 { status = 74 }   // EX_IOERR
        }
        exit(status)
    }

    /// Parses and runs one command line, printing errors as one line; returns the exit status.
    static func runKinoReturning(_ arguments: [String], errorPrefix: String = "kino: ") -> Int32 {
        do {
            try Kino.checkCommandWords(arguments)
            var command = try Kino.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return report(error, prefix: errorPrefix)
        }
    }

    static func report(_ error: Error, prefix: String = "kino: ") -> Int32 {
        // A bare exit status: the command already said what went wrong.
        if let e = error as? ExitCode, e != .success { return e.rawValue }
        let code = Kino.exitCode(for: error)
        if code == .success {
            // --help, --version: the full message on stdout.
            print(Kino.fullMessage(for: error))
            return 0
        }
        let message: String
        if let e = error as? LocalizedError, let d = e.errorDescription {
            message = d
        } else {
            message = Kino.message(for: error)
        }
        let lines = message.split(whereSeparator: \.isNewline).map(String.init)
        // ArgumentParser lists the accepted values on the lines after a colon: keep them on one line.
        let line = lines.first.map { $0.hasSuffix(":") ? ([$0] + lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }).joined(separator: " ") : $0 } ?? "failed"
        StandardStreams.writeError(prefix + line.terminalSafeLine + "\n")
        return code.rawValue == 0 ? 1 : code.rawValue
    }
}

/// Every line the command line prints goes through here, so data read from a project (a
/// scene name holding `ESC ] 2 ;`) is shown escaped and can never drive the terminal. JSON
/// needs nothing: its encoder already escapes control characters.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    StandardStreams.writeOutput(items.map { "\($0)" }.joined(separator: separator).terminalSafe + terminator)
}

/// The process's standard streams, written with write(2) rather than Foundation's FileHandle,
/// whose write traps on a closed or full descriptor. Each print is written at once (a batch's
/// "ok" lines stream); a failed write to stdout is remembered and reported at exit.
enum StandardStreams {
    nonisolated(unsafe) private static var outputFailure: Int32 = 0

    static func writeOutput(_ text: String) {
        if let e = writeAll(text, to: STDOUT_FILENO), outputFailure == 0 { outputFailure = e }
    }

    /// Writes to stderr; a closed or full stderr is ignored (there is nowhere left to say it).
    static func writeError(_ text: String) { _ = writeAll(text, to: STDERR_FILENO) }

    /// The errno of a failed write, or nil when every byte went out.
    private static func writeAll(_ text: String, to fd: Int32) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? EIO : errno }
            bytes = bytes.dropFirst(n)
        }
        return nil
    }

    /// Why something written to stdout was lost, if it was.
    static func flushOutput() -> String? {
        outputFailure == 0 ? nil : String(cString: strerror(outputFailure))
    }

    /// The 1-based position of the first argument whose bytes are not UTF-8 (Swift's
    /// `CommandLine.arguments` would silently replace them with U+FFFD).
    static func firstInvalidUTF8Argument() -> Int? {
        for i in 1..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p))
            if String(validating: bytes, as: UTF8.self) == nil { return i }
        }
        return nil
    }
}
