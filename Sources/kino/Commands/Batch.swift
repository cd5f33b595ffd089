import ArgumentParser
import Foundation
import KinoKit

/// Runs many kino commands on one project, one per line, acknowledging each after it is
/// saved: "ok N" on stdout. Lines are read and run one at a time as they arrive (a pipe
/// can feed it forever); a bad line fails that line only.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run kino commands on a project, one per line (from --file or stdin), without repeating the path.",
        discussion: "Each line is a command without 'kino' and without the project path, e.g.\n  shot set 2 --prompt \"a woman walking\"\n  undo\nLines run as they are read. After each line is saved, 'ok N' is printed; a failing line prints 'error N: …' on stderr and the batch goes on (or stops with --stop-on-error).")
    @OptionGroup var project: ProjectPath
    @Option(help: "Read commands from this file instead of standard input.") var file: String?
    @Flag(help: "Stop at the first failing line.") var stopOnError = false

    /// Commands whose subcommand comes before the path ("shot set PATH …").
    static let groups: Set<String> = Set(Kino.configuration.subcommands.filter { !$0.configuration.subcommands.isEmpty }.map { $0._commandName })

    /// Commands that make no sense inside a batch (they take over the terminal or nest).
    static let refused: Set<String> = ["edit", "demo", "batch", "new"]

    func run() throws {
        guard FileManager.default.fileExists(atPath: project.path) else { throw CommandError.missingFile(project.path) }
        let input: UnsafeMutablePointer<FILE>
        if let file {
            guard let f = fopen(file, "r") else { throw CommandError.missingFile(file) }
            input = f
        } else {
            guard let f = fdopen(STDIN_FILENO, "r") else { throw CommandError.missingFile("standard input") }
            input = f
        }
        defer { if file != nil { fclose(input) } }
        var failures = 0
        // One open session for every line; each edit is still saved before its "ok".
        let session = try project.open()
        OpenProjects.shared.keep(session)
        defer {
            OpenProjects.shared.keep(nil)
            session.close()
        }
        var n = 0
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, input) >= 0, let buffer {
            n += 1
            let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: strlen(buffer)), as: UTF8.self)
            if !runLine(line, number: n) {
                failures += 1
                if stopOnError { break }
            }
        }
        if failures > 0 {
            FileHandle.standardError.write(Data("kino: \(failures) line\(failures == 1 ? "" : "s") failed\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Runs one line; false when it failed (the error is printed as "error N: …").
    func runLine(_ line: String, number n: Int) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return true }
        func fail(_ error: Error) -> Bool {
            _ = CommandLine.report(error, prefix: "error \(n): ")
            return false
        }
        let words: [String]
        do { words = try Verbs.words(trimmed) } catch { return fail(error) }
        guard let first = words.first else { return true }
        if Batch.refused.contains(first) { return fail(CommandError.notInBatch(first)) }
        // The path goes after the command words: "shot set 2 …" → "shot set PATH 2 …".
        let depth = Batch.groups.contains(first) ? 2 : 1
        var args = words
        args.insert(project.path, at: min(depth, args.count))
        let status = CommandLine.runKinoReturning(args, errorPrefix: "error \(n): ")
        guard status == 0 else { return false }
        print("ok \(n)")
        fflush(nil)
        return true
    }
}

enum CommandError: Error, LocalizedError {
    case missingFile(String)
    case notInBatch(String)
    var errorDescription: String? {
        switch self {
        case .missingFile(let p): return "\(p): no such file"
        case .notInBatch(let c): return "'\(c)' cannot run inside kino batch; run it on its own"
        }
    }
}
