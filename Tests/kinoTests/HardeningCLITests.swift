import Foundation
import Testing

/// The command line attacked as a hostile user and a full disk would: no trap, one clear line,
/// a non-zero exit, no escape sequence from data, and nothing changed on a refusal.
@Suite(.serialized) struct HardeningCLITests {
    var kino: String { "'\(CLI.binary)'" }

    /// Each of these trapped (exit 132) before: times and rates over ~3.8e17 s, hex, and
    /// one-character output paths.
    static let crashers: [[String]] = [
        ["shot", "set", "P", "1", "--duration", "1e308"],
        ["shot", "set", "P", "1", "--duration", "1e19"],
        ["shot", "set", "P", "1", "--duration", "18446744073709551616"],
        ["shot", "set", "P", "1", "--duration", "0x10"],
        ["shot", "set", "P", "1", "--duration", "nan"],
        ["camera", "key", "P", "--shot", "1", "--time", "5000000000000000000:00", "--position", "0,0,0"],
        ["camera", "key", "P", "--shot", "1", "--time", "1e308", "--position", "0,0,0"],
        ["export", "P", "-o", "OUT/x.mp4", "--range", "0-1e308"],
        ["extend", "P", "--shot", "1", "--seconds", "1e308"],
        ["refine", "P", "--shot", "1", "--from", "1e308"],
        ["refine", "P", "--shot", "1", "--from", "1", "--to", "1e19"],
        ["frame", "P", "--shot", "1", "--time", "1e308", "-o", "OUT/f.png"],
        ["preview", "P", "--shot", "1", "--time", "18446744073709551616"],
        ["render", "P", "--shot", "1", "--frames", "0-18446744073709551616"],
    ]

    @Test(arguments: crashers.indices)
    func testHugeNumbersAreOneLineErrorsNotTraps(index: Int) throws {
        let dir = Scratch()
        let project = dir.file("p.kino")
        try CLI.run(["demo", project, "--no-edit"])
        let before = bytes(project)
        let args = Self.crashers[index].map { $0 == "P" ? project : $0.replacingOccurrences(of: "OUT", with: dir.path) }
        let r = try CLI.run(args)
        #expect(r.status == 1 || r.status == 64, "\(args): exit \(r.status) \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        #expect(!r.stderr.contains("crashed"), "\(args)")
        #expect(bytes(project) == before, "\(args): the project changed")
    }

    /// `-o ' '` and `-o $'\r'` trapped in NSString's path splitting; now any output name is
    /// written or refused in one line.
    @Test(arguments: [" ", "\r", "a", " .png", "\r.png"])
    func testOneCharacterOutputPathsDoNotTrap(name: String) throws {
        let dir = Scratch()
        let project = dir.file("p.kino")
        try CLI.run(["new", project, "--size", "160x90"])
        try CLI.run(["scene", "add", project, "--name", "S"])
        try CLI.run(["shot", "add", project, "--scene", "S", "--prompt", "a red ball", "--duration", "0.25"])
        let r = try CLI.run(["frame", project, "--shot", "1", "--time", "0", "-o", name], cwd: dir.path)
        #expect(r.status == 0 || r.status == 1, "\(name.debugDescription): \(r.status) \(r.stderr)")
        if r.status == 0 {
            #expect(bytes(dir.file(name)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        } else {
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
        #expect(!(r.stdout + r.stderr).contains("\r"))
    }

    @Test func testAClosedOrFullStandardStreamEndsNonZeroWithoutATrap() throws {
        let dir = Scratch()
        let project = dir.file("p.kino")
        try CLI.run(["demo", project, "--no-edit"])
        // stderr full: the error cannot be said, but the exit still says it failed.
        #expect(shell("\(kino) info '\(dir.file("missing.kino"))' 2>/dev/full") == 1)
        #expect(shell("\(kino) info '\(dir.file("missing.kino"))' 2>&-") == 1)
        // stdout full or closed: a non-zero exit and one line on stderr.
        let full = dir.file("full.err"), closed = dir.file("closed.err")
        #expect(shell("\(kino) info '\(project)' >/dev/full 2>'\(full)'") == 74)
        #expect(shell("\(kino) info '\(project)' >&- 2>'\(closed)'") == 74)
        #expect(String(decoding: bytes(full), as: UTF8.self) == "kino: cannot write to standard output: No space left on device\n")
        #expect(String(decoding: bytes(closed), as: UTF8.self).hasPrefix("kino: cannot write to standard output"))
        #expect(shell("\(kino) info '\(project)' >/dev/null") == 0)
    }

    @Test func testNoControlCharacterFromDataOrInputReachesTheTerminal() throws {
        let dir = Scratch()
        let project = dir.file("p.kino")
        try CLI.run(["demo", project, "--no-edit"])
        let before = bytes(project)
        let title = "\u{1B}]2;PWNED\u{07}"
        // Refused at input, with the character named, not echoed.
        let r = try CLI.run(["scene", "add", project, "--name", "Evil" + title])
        #expect(r.status == 1)
        #expect(r.stderr.contains("control character U+001B"), "\(r.stderr)")
        #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(bytes(project) == before)
        // An error message quoting a path escapes it.
        let m = try CLI.run(["info", dir.file("x" + title + ".kino")])
        #expect(m.stderr.contains("\\u001b]2;PWNED\\u0007"), "\(m.stderr)")
        #expect(!m.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        // Data written into the file behind Kino's back: `info` refuses it in one escaped line.
        #expect(shell("sqlite3 '\(project)' \"UPDATE scene SET name = 'Evil' || char(27) || ']2;PWNED' || char(7) WHERE position = 0\"") == 0)
        let i = try CLI.run(["info", project])
        #expect(i.status == 1)
        #expect(i.stdout.isEmpty)
        #expect(i.stderr.contains("is corrupt") && i.stderr.contains("U+001B"), "\(i.stderr)")
        #expect(!(i.stdout + i.stderr).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func testInvalidUTF8ArgumentsAreRefused() throws {
        let dir = Scratch()
        let project = dir.file("p.kino")
        try CLI.run(["demo", project, "--no-edit"])
        let before = bytes(project)
        let err = dir.file("err")
        let status = shell("\(kino) scene add '\(project)' --name \"$(printf 'Bad\\377Name')\" 2>'\(err)'")
        #expect(status == 64)
        #expect(String(decoding: bytes(err), as: UTF8.self).contains("is not valid UTF-8"))
        #expect(bytes(project) == before)
    }

    @Test func testABatchLineOfInvalidUTF8FailsThatLineOnly() throws {
        let dir = Scratch()
        let project = dir.file("p.kino")
        try CLI.run(["new", project])
        let script = dir.file("s.txt")
        try Data(Array("scene add --name Bad".utf8) + [0xFF] + Array("\nscene add --name Good\n".utf8)).write(to: URL(fileURLWithPath: script))
        let r = try CLI.run(["batch", project, "--file", script])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error 1: the line is not valid UTF-8"), "\(r.stderr)")
        #expect(r.stdout.contains("ok 2"), "\(r.stdout)")
        #expect(!r.stdout.contains("\u{FFFD}"))
    }

    @Test func testAProjectWithKinosMarkButNoKinoTablesIsRefusedUntouched() throws {
        let dir = Scratch()
        let p = dir.file("marked.kino")
        #expect(shell("sqlite3 '\(p)' 'PRAGMA application_id = 1263095375; CREATE TABLE t(x)'") == 0)
        let before = bytes(p)
        for args in [["info", p], ["scene", "add", p, "--name", "x"]] {
            let r = try CLI.run(args)
            #expect(r.status == 1)
            #expect(r.stderr.contains("not a Kino project"), "\(r.stderr)")
        }
        #expect(bytes(p) == before)
        #expect(shell("sqlite3 '\(p)' .tables") == 0)
    }

    @Test func testOddProjectPathsGetTheirOwnSentence() throws {
        let dir = Scratch()
        let loop = dir.file("loop.kino"), folder = dir.file("dir.kino")
        #expect(symlink(loop, loop) == 0)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (path, phrase) in [(loop, "symbolic link that loops"), (folder, "is a folder, not a project file")] {
            let r = try CLI.run(["info", path])
            #expect(r.status == 1 && r.stderr.contains(phrase), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        // `new` does not replace a symbolic link, even one that leads nowhere.
        let r = try CLI.run(["new", loop])
        #expect(r.status == 1 && r.stderr.contains("already exists"), "\(r.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: loop)) == loop)
    }

    /// A read-only folder still allows `info`; a read-only project leaves no 0444 -shm that
    /// blocks the next write. Run as an unprivileged user (root ignores permissions).
    @Test func testReadOnlyFolderAndFileStillOpen() throws {
        guard getuid() == 0 else {
            print("skipped testReadOnlyFolderAndFileStillOpen: needs root to run kino as the user nobody")
            return
        }
        let dir = Scratch()
        let folder = dir.file("ro")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(dir.path, 0o755)
        chmod(folder, 0o777)
        let asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups \(kino)"
        let p = folder + "/a.kino"
        #expect(shell("\(asNobody) new '\(p)' >/dev/null && \(asNobody) scene add '\(p)' --name S >/dev/null") == 0)
        chmod(folder, 0o555)
        #expect(shell("\(asNobody) info '\(p)' | grep -q 'scene sc1 S'") == 0)
        chmod(folder, 0o777)
        chmod(p, 0o444)
        #expect(shell("\(asNobody) info '\(p)' | grep -q 'scene sc1 S'") == 0)
        #expect(!FileManager.default.fileExists(atPath: p + "-shm"))
        chmod(p, 0o644)
        #expect(shell("\(asNobody) scene add '\(p)' --name T >/dev/null") == 0)
    }

    /// A full disk: edits fail with "disk full", every acknowledged one is kept, and after
    /// space is freed the project opens and passes integrity_check.
    @Test func testAFullTmpfsLosesNoAcknowledgedEditAndReopens() throws {
        guard getuid() == 0 else {
            print("skipped testAFullTmpfsLosesNoAcknowledgedEditAndReopens: mounting a tmpfs needs root")
            return
        }
        let dir = Scratch()
        let mount = dir.file("disk")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=600k tmpfs '\(mount)'") == 0 else {
            print("skipped testAFullTmpfsLosesNoAcknowledgedEditAndReopens: mount -t tmpfs failed here")
            return
        }
        defer { _ = shell("umount '\(mount)'") }
        let p = mount + "/f.kino"
        try CLI.run(["new", p])
        try CLI.run(["scene", "add", p, "--name", "S"])
        try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "start", "--duration", "1"])
        let script = (0..<3000).map { "shot set 1 --prompt \"edit \($0) \(String(repeating: "x", count: 300))\"" }.joined(separator: "\n")
        // From a file: the batch stops at the full disk, and a pipe it no longer reads would SIGPIPE us.
        let scriptFile = dir.file("script.txt")
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
        let r = try CLI.run(["batch", p, "--stop-on-error", "--file", scriptFile])
        let acked = r.stdout.split(separator: "\n").compactMap { $0.hasPrefix("ok ") ? Int($0.dropFirst(3)) : nil }
        #expect(r.status != 0, "the disk never filled")
        #expect(r.stderr.contains("disk is full"), "\(r.stderr)")
        #expect(!acked.isEmpty)
        // Space comes back; the project opens whole, with the last acknowledged edit.
        #expect(shell("mount -o remount,size=64m '\(mount)'") == 0)
        let info = try CLI.run(["info", p])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("edit \(acked.max()! - 1) "), "\(info.stdout.prefix(300))")
        #expect(shell("sqlite3 '\(p)' 'PRAGMA integrity_check' | grep -qx ok") == 0)
        #expect(try CLI.run(["shot", "set", p, "1", "--prompt", "after"]).status == 0)
    }
}
