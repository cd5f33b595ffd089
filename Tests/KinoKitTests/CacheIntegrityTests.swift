import Foundation
import KinoCore
import KinoKit
import Testing

/// No wrong frame is served, nothing is written outside the project, nothing stays half-done.
@Suite(.serialized) struct CacheIntegrityTests {
    func sh(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        try! p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    func framePath(_ s: ProjectSession, _ take: TakeID, _ frame: Int) -> String {
        s.cacheDirectory + "/\(take.raw)/320x180/" + String(format: "%06d.png", frame)
    }

    @Test func testAValidPNGDroppedIntoTheCacheIsNotServed() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("c.kino"), shots: [("a smartphone rotating on a white studio surface", 0.5)])
        let shot = s.project.shots[0].id
        try s.render(shot: shot, quality: .full)
        let take = try #require(s.currentTake(of: shot)).id
        let original = try s.frame(shot: shot, at: 3, quality: .full)
        // A valid PNG of the right size, but another frame's picture.
        try FileManager.default.removeItem(atPath: framePath(s, take, 3))
        try FileManager.default.copyItem(atPath: framePath(s, take, 9), toPath: framePath(s, take, 3))
        #expect(try s.frame(shot: shot, at: 3, quality: .full).pixels == original.pixels)
        s.close()
        // And in a new session, for every reader.
        try FileManager.default.removeItem(atPath: framePath(s, take, 4))
        try FileManager.default.copyItem(atPath: framePath(s, take, 9), toPath: framePath(s, take, 4))
        let again = try ProjectSession.open(at: dir.file("c.kino"))
        defer { again.close() }
        #expect(again.cachedFrame(shot: shot, at: 4, quality: .full) == nil)
        #expect(try again.frame(shot: shot, at: 4, quality: .full).pixels != again.cachedFrame(shot: shot, at: 9, quality: .full)?.pixels)
    }

    @Test func testAFlippedDigitInACheckpointDoesNotChangeRegeneratedFrames() throws {
        let dir = TempFolder()
        let path = dir.file("k.kino")
        let s = try smallProject(at: path, shots: [("a person walking through a park", 2)])
        let shot = s.project.shots[0].id
        try s.render(shot: shot, quality: .full)
        let originals = try (24..<40).map { try s.frame(shot: shot, at: $0, quality: .full).pixels }
        s.close()
        try FileManager.default.removeItem(atPath: s.cacheDirectory)
        // Flip the first digit after the first decimal point of the checkpoint at 1 s.
        let flip = """
        UPDATE checkpoint SET state = CAST(substr(CAST(state AS TEXT), 1, instr(CAST(state AS TEXT), '.')) ||
          (CASE substr(CAST(state AS TEXT), instr(CAST(state AS TEXT), '.') + 1, 1) WHEN '9' THEN '8' ELSE '9' END) ||
          substr(CAST(state AS TEXT), instr(CAST(state AS TEXT), '.') + 2) AS BLOB) WHERE frame = 24
        """
        #expect(sh("sqlite3 '\(path)' \"\(flip)\"") == 0)
        let again = try ProjectSession.open(at: path)
        defer { again.close() }
        let regenerated = try (24..<40).map { try again.frame(shot: shot, at: $0, quality: .full).pixels }
        #expect(regenerated == originals)
    }

    @Test func testACraftedTakeIdCannotWriteOutsideTheProject() throws {
        let dir = TempFolder()
        let path = dir.file("x.kino")
        let s = try smallProject(at: path, shots: [("a red ball", 0.25)])
        let shot = s.project.shots[0].id
        try s.render(shot: shot, quality: .full)
        s.close()
        let outside = dir.file("outside")
        let crafted = "../../" + URL(fileURLWithPath: outside).lastPathComponent + "/ESCAPED"
        #expect(sh("sqlite3 '\(path)' \"UPDATE take SET id = '\(crafted)'; UPDATE shot SET current_take_id = '\(crafted)'\"") == 0)
        try FileManager.default.removeItem(atPath: s.cacheDirectory)
        #expect(throws: (any Error).self) {
            let again = try ProjectSession.open(at: path)
            defer { again.close() }
            _ = try again.writeFrames(shot: shot, range: 0..<2, to: dir.file("out"))
        }
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(!FileManager.default.fileExists(atPath: dir.file("ESCAPED")))
    }

    @Test func testATakeLeftRenderingByAKillIsInterruptedAndItsFramesCollected() throws {
        let dir = TempFolder()
        let path = dir.file("i.kino")
        let s = try smallProject(at: path, shots: [("a red ball", 0.25)])
        let shot = s.project.shots[0].id
        try s.render(shot: shot, quality: .full)
        s.close()
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        #expect(sh("sqlite3 '\(path)' \"INSERT INTO take SELECT 'tk99', shot_id, seed, input_hash, lineage, 'rendering', engine, frame_count, prompt, recipe, created_at + 1, \(dead.processIdentifier) FROM take LIMIT 1\"") == 0)
        let orphan = s.cacheDirectory + "/tk99/320x180"
        try FileManager.default.createDirectory(atPath: orphan, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: orphan + "/000000.png", contents: Data("half".utf8))
        let again = try ProjectSession.open(at: path)
        defer { again.close() }
        #expect(again.takes(of: shot).first { $0.id == "tk99" }?.status == .interrupted)
        #expect(!FileManager.default.fileExists(atPath: s.cacheDirectory + "/tk99"))
        #expect(again.renderState(of: shot) == .rendered)
    }

    @Test func testARejectedExportLeavesNoTake() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("e.kino"), shots: [("a red ball", 0.5), ("a blue cube", 0.5)])
        defer { s.close() }
        try FileManager.default.createDirectory(atPath: s.cacheDirectory, withIntermediateDirectories: true)
        for _ in 0..<3 {
            #expect(throws: (any Error).self) { try s.export(to: dir.file("missing/folder/out.mp4")) }
        }
        for shot in s.project.shots { #expect(s.takes(of: shot.id).isEmpty) }
    }

    @Test func testACacheFolderReplacedByAFileIsOneClearSentence() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("f.kino"), shots: [("a red ball", 0.25)])
        defer { s.close() }
        FileManager.default.createFile(atPath: s.cacheDirectory, contents: Data("not a folder".utf8))
        #expect { try s.render(shot: s.project.shots[0].id, quality: .full) } throws: { e in
            let text = (e as? LocalizedError)?.errorDescription ?? ""
            return text.contains("it is a file, not a folder") && !text.contains("NSCocoaErrorDomain")
        }
    }
}
