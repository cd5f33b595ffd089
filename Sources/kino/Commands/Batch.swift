import ArgumentParser
import Foundation
import KinoKit

/// Runs many kino commands on one project, one per line, acknowledging each after it is
/// saved: "ok N" on stdout. For scripts, and for the crash-safety test.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run kino commands on a project, one per line (from --file or stdin), without repeating the path.",
        discussion: "Each line is a command without 'kino' and without the project path, e.g.\n  shot set 2 --prompt \"a woman walking\"\n  undo\nAfter each line is saved, 'ok N' is printed; a failing line prints 'error N: …' on stderr and the batch goes on (or stops with --stop-on-error).")
    @OptionGroup var project: ProjectPath
    @Option(help: "Read commands from this file instead of standard input.") var file: String?
    @Flag(help: "Stop at the first failing line.") var stopOnError = false

    static let groups: Set<String> = ["scene", "shot", "character", "lighting", "camera"]

    func run() throws {
        guard FileManager.default.fileExists(atPath: project.path) else {
            throw CommandError.missingFile(project.path)
        }
        let text: String
        if let file {
            guard let t = try? String(contentsOfFile: file, encoding: .utf8) else { throw CommandError.missingFile(file) }
            text = t
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        var failures = 0
        // One open session for every line; each edit is still saved before its "ok".
        let session = try project.open()
        OpenProjects.shared.keep(session)
        defer {
            OpenProjects.shared.keep(nil)
            session.close()
        }
        for (n, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let words: [String]
            do { words = try shellWords(trimmed) } catch {
                StandardStreams.writeError("error \(n + 1): \(error.localizedDescription)\n")
                failures += 1
                if stopOnError { break } else { continue }
            }
            guard let first = words.first else { continue }
            let depth = Batch.groups.contains(first) ? 2 : 1
            var args = words
            args.insert(project.path, at: min(depth, args.count))
            let status = CommandLine.runKinoReturning(args, errorPrefix: "error \(n + 1): ")
            if status == 0 {
                print("ok \(n + 1)")
                fflush(nil)
            } else {
                failures += 1
                if stopOnError { break }
            }
        }
        if failures > 0 {
            StandardStreams.writeError("kino: \(failures) line\(failures == 1 ? "" : "s") failed\n")
            throw ExitCode(1)
        }
    }
}

/// Splits a line into words as a POSIX shell would for quotes and backslashes.
func shellWords(_ line: String) throws -> [String] {
    var words: [String] = [], current = "", inWord = false
    var quote: Character? = nil
    var escape = false
    for ch in line {
        if escape { current.append(ch); escape = false; inWord = true; continue }
        if ch == "\\" && quote != "'" { escape = true; continue }
        if let q = quote {
            if ch == q { quote = nil } else { current.append(ch) }
            continue
        }
        if ch == "\"" || ch == "'" { quote = ch; inWord = true; continue }
        if ch == " " || ch == "\t" {
            if inWord { words.append(current); current = ""; inWord = false }
            continue
        }
        current.append(ch); inWord = true
    }
    guard quote == nil, !escape else { throw CommandError.unbalancedQuote }
    if inWord { words.append(current) }
    return words
}

enum CommandError: Error, LocalizedError {
    case missingFile(String)
    case unbalancedQuote
    var errorDescription: String? {
        switch self {
        case .missingFile(let p): return "\(p): no such file"
        case .unbalancedQuote: return "a quote is not closed (or a backslash ends the line) on this line"
        }
    }
}
