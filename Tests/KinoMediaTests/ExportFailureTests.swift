import Foundation
import KinoCore
@testable import KinoMedia
import Testing

/// Exports that stop early: cancelled, failing frames, bad settings, nowhere to write.
/// Each leaves nothing at the destination and no temporary beside it.
@Suite struct ExportFailureTests {
    let settings = ExportSettings(codec: .h264, preset: "ultrafast", frameRate: .fps24, width: 64, height: 36)

    @Test(arguments: ExportCodec.allCases)
    func cancelledExportLeavesNothingBehind(codec: ExportCodec) throws {
        let dir = ScratchFolder(), out = dir.file("clip")
        let encoded = Counter()
        var s = settings
        s.codec = codec
        #expect(throws: MediaError.cancelled) {
            try exportVideo(to: out, settings: s, frameCount: 200,
                            progress: { _ in _ = encoded.add() },
                            cancel: { encoded.current >= 5 }) { movingSquare(width: 64, height: 36, index: $0) }
        }
        #expect(encoded.current == 5)
        #expect(dir.contents.isEmpty)
    }

    @Test func failingFrameSourceStopsTheExportWithItsError() throws {
        struct RenderFailed: Error, Equatable {}
        let dir = ScratchFolder(), out = dir.file("clip.mp4")
        #expect(throws: RenderFailed()) {
            try exportVideo(to: out, settings: settings, frameCount: 30) { i in
                if i == 12 { throw RenderFailed() }
                return movingSquare(width: 64, height: 36, index: i)
            }
        }
        #expect(dir.contents.isEmpty)
    }

    @Test func unknownCodecNameIsRejectedWithTheChoices() throws {
        #expect(throws: MediaError.unknownCodec("vp9")) { try ExportCodec.parse("vp9") }
        #expect(MediaError.unknownCodec("vp9").errorDescription == "unknown codec 'vp9'; use one of h264, prores, ffv1, png.")
        #expect(try ExportCodec.parse("H.264") == .h264)
        #expect(try ExportCodec.parse("prores") == .prores)
        #expect(ExportCodec.implied(byDestination: "/tmp/a.MOV") == .prores)
        #expect(ExportCodec.implied(byDestination: "out/frames") == .png)
        #expect(ExportCodec.implied(byDestination: "clip.avi") == nil)
    }

    @Test func badSettingsAreRefusedBeforeAnythingIsWritten() throws {
        let dir = ScratchFolder()
        for bad in [ExportSettings(crf: 60, frameRate: .fps24, width: 64, height: 36),
                    ExportSettings(preset: "warp", frameRate: .fps24, width: 64, height: 36),
                    ExportSettings(frameRate: .fps24, width: 0, height: 36)] {
            #expect(throws: MediaError.self) {
                try exportVideo(to: dir.file("x.mp4"), settings: bad, frameCount: 3) { movingSquare(width: 64, height: 36, index: $0) }
            }
        }
        #expect(throws: MediaError.invalidSettings("there are no frames to export")) {
            try exportVideo(to: dir.file("x.mp4"), settings: settings, frameCount: 0) { movingSquare(width: 64, height: 36, index: $0) }
        }
        #expect(dir.contents.isEmpty)
    }

    @Test func missingFolderIsNamedInTheError() throws {
        let dir = ScratchFolder()
        let folder = dir.file("nowhere")
        let error = #expect(throws: MediaError.folderMissing(folder)) {
            try exportVideo(to: folder + "/clip.mp4", settings: settings, frameCount: 3) { movingSquare(width: 64, height: 36, index: $0) }
        }
        #expect(error?.errorDescription == "the folder \(folder) does not exist; create it or export elsewhere.")
    }

    @Test func readOnlyFolderIsReportedAsNotWritable() throws {
        let disk = try TinyDisk(options: "ro,size=64k")
        #expect(throws: MediaError.folderNotWritable(disk.path)) {
            try exportVideo(to: disk.path + "/clip.mp4", settings: settings, frameCount: 3) { movingSquare(width: 64, height: 36, index: $0) }
        }
        #expect(throws: MediaError.folderNotWritable(disk.path)) {
            var png = settings
            png.codec = .png
            return try exportVideo(to: disk.path + "/frames", settings: png, frameCount: 3) { movingSquare(width: 64, height: 36, index: $0) }
        }
    }

    @Test(arguments: [ExportCodec.ffv1, .png])
    func fullDiskFailsInOneSentenceAndLeavesNoFile(codec: ExportCodec) throws {
        let disk = try TinyDisk(options: "size=200k")
        let out = disk.path + "/clip"
        var s = settings
        s.codec = codec
        s.width = 320; s.height = 180
        let frame = movingSquare(width: 320, height: 180, index: 0)
        let error = #expect(throws: MediaError.self) {
            try exportVideo(to: out, settings: s, frameCount: 120) { _ in frame }
        }
        #expect(error == .diskFull(out))
        #expect(error?.errorDescription == "the disk is full while writing \(out); free some space or export to another disk.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }

    @Test func leftoversOfAKilledExportAreRemovedByTheNextExport() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mp4")
        // A process that no longer exists (pid beyond pid_max), and this live one.
        let dead = dir.file(".clip.mp4.partial-99999999-1a2b")
        let live = dir.file(".clip.mp4.partial-\(getpid())-ffff")
        try Data("half".utf8).write(to: URL(fileURLWithPath: dead))
        try Data("busy".utf8).write(to: URL(fileURLWithPath: live))
        _ = try exportVideo(to: out, settings: settings, frameCount: 2) { movingSquare(width: 64, height: 36, index: $0) }
        #expect(dir.contents == [".clip.mp4.partial-\(getpid())-ffff", "clip.mp4"])
    }

    @Test func destinationThatIsAFolderIsNotReplacedByAFile() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mp4")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        #expect(throws: MediaError.destinationInTheWay(out)) {
            try exportVideo(to: out, settings: settings, frameCount: 2) { movingSquare(width: 64, height: 36, index: $0) }
        }
    }
}
