import Foundation
import KinoCore
import KinoKit
import Testing

/// Every verb's options, filled with hostile numbers, times, ids, paths and text, resolved and
/// performed on a real session. Bounded (a fixed seed and count): it fails on any trap (the
/// test process would die), any error of more than one line, and any change to the project
/// (in memory, in the journal or in the file) by a command that was refused.
@Suite struct VerbFuzzTests {
    /// SplitMix64: the same cases every run.
    struct Cases: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let numbers = ["1e308", "-1e308", "1e19", "18446744073709551616", "9223372036854775808", "-9223372036854775809",
                          "0x10", "nan", "inf", "-inf", "1e-320", "-0", "0", "1", "-2", "0.5", "", " ", "1e", "1..2",
                          String(repeating: "9", count: 400), "5000000000000000000:00", "99:99:99:99", "00:00:01:30",
                          "1:1e300:00", "0-1e308", "1e308-2", "0-0", "-1-2", "2-1", "1,2", "1,2,3", "1e6,0,0", "nan,0,0"]
    static let texts = ["\u{1B}]2;PWNED\u{07}", "a\rb", "two\nlines", String(repeating: "x", count: 5000), "\u{202E}evil",
                        "../../../../tmp/x/ESCAPED", "", " ", "%s%n%x", "a\u{0}b", "\u{7F}", "Ana", "none", "sh1", "tk1",
                        "sc1", "ch1", "lt1", "main", "key", "h264", "prores", "png", "sixel", "linear", "orbit"]
    static let ids = ["sh999", "../x", "0", "-1", "1e9", "tk1/..", "sh1", "1", "2", "sc1", "main", "ch1", "Ana", "lt1",
                      "key", "none", "tk1", "tk0", "\u{1B}[2J"]

    func value(for kind: ArgumentKind, in dir: String, using rng: inout Cases) -> String {
        func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
        switch kind {
        case .text, .choice: return pick(Self.texts)
        case .shotTime, .timelineRange, .duration, .number, .integer, .seed, .vector: return pick(Self.numbers)
        case .shot, .scene, .character, .lighting, .take: return pick(Self.ids)
        case .path: return dir + "/" + pick(["out.mp4", "out.mkv", "x.avi", "f.png", "missing/x.mp4", " ", "\r", "a",
                                            "../../../../tmp/kino-fuzz-ESCAPED.png", "sub/", "t.otio", "n.kino"])
        case .flag: return ""
        }
    }

    func fileBytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    @Test func testHostileOptionsForEveryVerbNeverTrapOrChangeARefusedProject() throws {
        let dir = TempFolder()
        let path = dir.file("fuzz.kino")
        let s = try smallProject(at: path, shots: [("Ana walking in a park", 1), ("a red ball", 0.5)])
        defer { s.close() }
        var rng = Cases(state: 20261202)
        var refused = 0, performed = 0
        let verbs = Verbs.all
        for n in 0..<600 {
            let verb = verbs[n % verbs.count]
            var inv = VerbInvocation(verb.name)
            for arg in verb.arguments where arg.required || rng.next() % 3 != 0 {
                if arg.kind == .flag { inv.set(arg.name, flag: rng.next() % 2 == 0) } else {
                    inv.set(arg.name, value(for: arg.kind, in: dir.path, using: &rng))
                }
            }
            let before = (s.project, s.historyCounts.done, s.historyCounts.undone, fileBytes(path), fileBytes(path + "-wal"))
            do {
                let resolved = try Verbs.resolve(inv, in: s.project)
                _ = try resolved.perform(on: s)
                performed += 1
            } catch {
                refused += 1
                let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                #expect(!message.isEmpty && !message.contains("\n"), "\(verb.name) \(inv.values): \(message.debugDescription)")
                #expect(s.project == before.0, "\(verb.name) \(inv.values) was refused but changed the project")
                #expect(s.historyCounts.done == before.1 && s.historyCounts.undone == before.2, "\(verb.name): the journal changed")
                #expect(fileBytes(path) == before.3 && fileBytes(path + "-wal") == before.4, "\(verb.name) \(inv.values): the file changed")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/kino-fuzz-ESCAPED.png"))
        #expect(try s.integrityCheck() == "ok")
        // The cases reach both sides: most are refused, some go through.
        #expect(refused > 100 && performed > 10, "refused \(refused), performed \(performed)")
    }
}
