import Foundation
import Testing

/// Two kino processes editing one file at once, counted against the journal: every "ok" and
/// every "undid" is an edit that happened, and nothing either of them did is lost.
@Suite struct CLIConcurrencyTests {
    /// The journal rows' labels in one state, read with the sqlite3 shell.
    private func labels(_ path: String, state: String) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, "SELECT label FROM journal WHERE state = '\(state)' ORDER BY seq"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Starts `kino batch PATH` with `script` on stdin.
    private func startBatch(_ path: String, _ script: String) throws -> (Process, Pipe, Pipe) {
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: CLI.binary)
        proc.arguments = ["batch", path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        proc.standardInput = input
        proc.standardOutput = output
        proc.standardError = errors
        try proc.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        return (proc, output, errors)
    }

    @Test func testTwoBatchesEditingAtOnceLoseNothing() throws {
        let dir = Scratch()
        let p = dir.file("two.kino")
        try CLI.run(["demo", p, "--no-edit"])
        let shotsBefore = try labels(p, state: "done").count
        // Each process: 50 shot adds and 50 prompt edits of the same shot, interleaved.
        func script(_ who: String) -> String {
            (0..<100).map { $0 % 2 == 0 ? "shot add --scene 1 --prompt \"\(who) add \($0)\" --duration 1"
                                        : "shot set 1 --prompt \"\(who) edit \($0)\"" }.joined(separator: "\n")
        }
        let a = try startBatch(p, script("A")), b = try startBatch(p, script("B"))
        var results: [(out: String, err: String, status: Int32)] = []
        for (proc, out, err) in [a, b] {
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            proc.waitUntilExit()
            results.append((String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), proc.terminationStatus))
        }
        for (i, r) in results.enumerated() {
            #expect(r.status == 0, "process \(i): \(r.err)")
            #expect(r.err.isEmpty, "process \(i): \(r.err)")
            let acks = r.out.split(separator: "\n").filter { $0.hasPrefix("ok ") }
            #expect(acks.count == 100, "process \(i) acknowledged \(acks.count) of 100")
        }
        let done = try labels(p, state: "done")
        #expect(done.count == shotsBefore + 200)
        let adds = done.dropFirst(shotsBefore).filter { $0.hasPrefix("add shot ") }
        #expect(adds.count == 100)
        #expect(Set(adds).count == 100, "two adds got the same id")
        #expect(done.dropFirst(shotsBefore).filter { $0.hasPrefix("change prompt of shot ") }.count == 100)
        let info = try CLI.run(["info", p, "--json"])
        struct I: Decodable { struct S: Decodable { let prompt: String }; let shots: [S] }
        let shots = try JSONDecoder().decode(I.self, from: Data(info.stdout.utf8)).shots
        for who in ["A", "B"] {
            #expect(shots.filter { $0.prompt.hasPrefix("\(who) add ") }.count == 50, "\(who)'s adds")
        }
        #expect(shots[0].prompt.contains(" edit "), "shot 1 has '\(shots[0].prompt)'")
    }

    @Test func testTwoProcessesUndoingAtOnceAcknowledgeOnlyWhatHappened() throws {
        let dir = Scratch()
        let p = dir.file("undo.kino")
        try CLI.run(["demo", p, "--no-edit"])
        let script = (0..<60).map { "shot set \(1 + $0 % 4) --prompt \"edit \($0)\"" }.joined(separator: "\n")
        #expect(try CLI.run(["batch", p], stdin: script).status == 0)
        let before = try labels(p, state: "done")
        #expect(try labels(p, state: "undone").isEmpty)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<20 {
                do {
                    let r = try CLI.run(["undo", p])
                    if r.status != 0 { outcomes.fail(r.stderr) }
                    if r.stdout.hasPrefix("undid: ") { outcomes.acknowledge(String(r.stdout.dropFirst(7)).trimmingCharacters(in: .newlines)) }
                } catch { outcomes.fail("\(error)") }
            }
        }
        let (acknowledged, failures) = outcomes.values
        #expect(failures.isEmpty, "\(failures)")
        #expect(acknowledged.count == 40)
        let undone = try labels(p, state: "undone")
        #expect(undone.count == 40, "40 undos acknowledged, \(undone.count) applied")
        #expect(undone.sorted() == acknowledged.sorted())
        // Exactly the 40 newest edits were undone: the journal is one stack for both processes.
        #expect(try labels(p, state: "done") == Array(before.prefix(before.count - 40)))
        #expect(undone == Array(before.suffix(40)))
    }
}

/// What concurrent runs reported, collected under a lock.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledged: [String] = [], failures: [String] = []
    func acknowledge(_ s: String) { lock.withLock { acknowledged.append(s) } }
    func fail(_ s: String) { lock.withLock { failures.append(s) } }
    var values: (acknowledged: [String], failures: [String]) { lock.withLock { (acknowledged, failures) } }
}
