import ArgumentParser
import Foundation

extension CommandLine {
    /// Parses and runs one kino command line; exits the process with its status.
    static func runKino(_ arguments: [String]) -> Never {
        let status = runKinoReturning(arguments)
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
        FileHandle.standardError.write(Data((prefix + line + "\n").utf8))
        return code.rawValue == 0 ? 1 : code.rawValue
    }
}
