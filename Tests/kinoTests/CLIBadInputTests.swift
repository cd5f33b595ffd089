import Foundation
import Testing

/// Every bad input: a non-zero exit, exactly one line on stderr, no trace, and the project
/// file's bytes unchanged.
@Suite(.serialized) struct CLIBadInputTests {
    static let cases: [(String, [String])] = [
        ("negative duration", ["shot", "set", "P", "1", "--duration", "-3"]),
        ("non-numeric duration", ["shot", "set", "P", "1", "--duration", "three"]),
        ("zero duration", ["shot", "add", "P", "--scene", "1", "--prompt", "x", "--duration", "0"]),
        ("huge duration", ["shot", "add", "P", "--scene", "1", "--prompt", "x", "--duration", "1e9"]),
        ("unknown shot id", ["shot", "set", "P", "sh999", "--prompt", "x"]),
        ("unknown shot position", ["shot", "set", "P", "42", "--prompt", "x"]),
        ("unknown scene", ["shot", "add", "P", "--scene", "nowhere", "--prompt", "x"]),
        ("unknown character", ["shot", "add", "P", "--scene", "1", "--prompt", "x", "--character", "Nobody"]),
        ("unknown preset", ["camera", "preset", "P", "--shot", "1", "swirl"]),
        ("bad vector", ["camera", "key", "P", "--shot", "1", "--time", "1", "--position", "1,2"]),
        ("vector with text", ["camera", "key", "P", "--shot", "1", "--time", "1", "--position", "1,up,3"]),
        ("time past the shot", ["camera", "key", "P", "--shot", "1", "--time", "99", "--position", "1,2,3"]),
        ("bad seed", ["shot", "set", "P", "1", "--seed", "-5"]),
        ("bad interpolation", ["camera", "key", "P", "--shot", "1", "--time", "1", "--position", "1,2,3", "--interp", "wobbly"]),
        ("out of range lighting", ["lighting", "add", "P", "--name", "x", "--temperature", "99999"]),
        ("duplicate scene name", ["scene", "add", "P", "--name", "Reveal"]),
        ("empty scene name", ["scene", "add", "P", "--name", " "]),
        ("remove scene with shots", ["scene", "remove", "P", "1"]),
        ("missing reference image", ["character", "add", "P", "--name", "Zed", "--reference", "/nonexistent/face.png"]),
        ("text file as image", ["shot", "add", "P", "--scene", "1", "--prompt", "x", "--image", "TEXTPNG"]),
        ("move to a bad position", ["shot", "move", "P", "1", "--to", "99"]),
        ("unknown option", ["shot", "set", "P", "1", "--colour", "red"]),
        ("bad take", ["takes", "P", "--shot", "1", "--use", "tk999"]),
        ("hexadecimal seed", ["shot", "set", "P", "1", "--seed", "0x10"]),
        ("hexadecimal duration", ["shot", "set", "P", "1", "--duration", "0x10"]),
        ("infinite intensity", ["camera", "preset", "P", "--shot", "1", "orbit", "--intensity", "inf"]),
        ("export to .avi", ["export", "P", "-o", "x.avi"]),
        ("export codec against the name", ["export", "P", "-o", "x.mkv", "--codec", "prores"]),
        ("export to a missing folder", ["export", "P", "-o", "/nonexistent-kino-dir/x.mp4"]),
        ("frame as JPEG", ["frame", "P", "--shot", "1", "--time", "0", "-o", "f.jpg"]),
        ("unknown command", ["shot", "frobnicate", "P"]),
        ("remove a cast character", ["character", "remove", "P", "Maya"]),
        ("uncast a character not cast", ["shot", "uncast", "P", "1", "--character", "Maya"]),
        ("delete a camera key that is not there", ["camera", "unkey", "P", "--shot", "1", "--time", "0.3"]),
    ]

    @Test(arguments: cases.indices)
    func testBadInputIsOneLineNonZeroAndLeavesTheFileAlone(index: Int) throws {
        let (name, template) = Self.cases[index]
        let dir = Scratch()
        let project = dir.file("p.kino")
        try CLI.run(["demo", project, "--no-edit"])
        try "just text".write(toFile: dir.file("text.png"), atomically: true, encoding: .utf8)
        let before = bytes(project)
        let args = template.map { $0 == "P" ? project : ($0 == "TEXTPNG" ? dir.file("text.png") : $0) }
        let r = try CLI.run(args)
        #expect(r.status != 0, "\(name): exit status 0")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(name): stderr was \(r.stderr.debugDescription)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "\(name): crashed")
        #expect(bytes(project) == before, "\(name): the project file changed")
    }

    @Test func testBadProjectFilesAreRefusedInOneLine() throws {
        let dir = Scratch()
        // A PNG renamed .kino.
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png.append(Data(repeating: 1, count: 4000))
        FileManager.default.createFile(atPath: dir.file("pic.kino"), contents: png)
        // A truncated project.
        try CLI.run(["demo", dir.file("full.kino"), "--no-edit"])
        let full = bytes(dir.file("full.kino"))
        FileManager.default.createFile(atPath: dir.file("cut.kino"), contents: full.prefix(full.count / 2))
        // A newer schema version.
        try CLI.run(["demo", dir.file("new.kino"), "--no-edit"])
        #expect(shell("sqlite3 \(dir.file("new.kino")) 'PRAGMA user_version = 9'") == 0)
        // A foreign SQLite database.
        #expect(shell("sqlite3 \(dir.file("other.kino")) 'CREATE TABLE t(x)'") == 0)
        let expectations = [("pic.kino", "not an SQLite database"), ("cut.kino", "truncated"),
                            ("new.kino", "newer Kino"), ("other.kino", "not a Kino project"), ("missing.kino", "no such project")]
        for (file, phrase) in expectations {
            let before = bytes(dir.file(file))
            for args in [["info", dir.file(file)], ["shot", "set", dir.file(file), "1", "--prompt", "x"], ["undo", dir.file(file)]] {
                let r = try CLI.run(args)
                #expect(r.status != 0)
                #expect(r.stderr.split(separator: "\n").count == 1, "\(file): \(r.stderr)")
                #expect(r.stderr.contains(phrase), "\(file): \(r.stderr)")
            }
            #expect(bytes(dir.file(file)) == before, "\(file) changed")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("missing.kino")))
    }

    @Test(arguments: ["UPDATE shot SET duration='abc'", "UPDATE shot SET duration=-1", "UPDATE project SET fps_den=0",
                      "PRAGMA foreign_keys=OFF; UPDATE shot SET scene_id='sc99'", "UPDATE shot SET camera='{bad'"])
    func testImpossibleValuesInTheFileAreCorruptionNotCrashes(sql: String) throws {
        let dir = Scratch()
        let p = dir.file("v.kino")
        try CLI.run(["demo", p, "--no-edit"])
        #expect(shell("sqlite3 \(p) \"\(sql)\"") == 0)
        let before = bytes(p)
        for args in [["info", p], ["camera", "show", p, "--shot", "1"], ["export", p, "-o", dir.file("o.mp4")]] {
            let r = try CLI.run(args)
            #expect(r.status == 1, "\(sql): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("is corrupt"), "\(sql): \(r.stderr)")
            #expect(r.stderr.count < 300, "\(sql): \(r.stderr)")
        }
        #expect(bytes(p) == before)
    }

    @Test func testNewRefusesBadSettings() throws {
        let dir = Scratch()
        for args in [["--fps", "0"], ["--fps", "fast"], ["--size", "99999x99999"], ["--size", "0x0"], ["--size", "wide"]] {
            let r = try CLI.run(["new", dir.file("n.kino")] + args)
            #expect(r.status != 0)
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: dir.file("n.kino")))
        }
        #expect(try CLI.run(["new", "/nonexistent/folder/n.kino"]).status != 0)
    }
}

@discardableResult
func shell(_ command: String) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    try! p.run()
    p.waitUntilExit()
    return p.terminationStatus
}
