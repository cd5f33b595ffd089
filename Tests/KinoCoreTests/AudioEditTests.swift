import Foundation
import Testing
@testable import KinoCore

/// A clip of `seconds` of a file source at frame `start`.
func fileClip(_ id: AudioClipID, seconds: Double = 2, start: Int = 0) -> AudioClip {
    let n = AudioClock.samples(seconds: seconds)
    return AudioClip(id: id, source: .file(MediaReference(path: "/tmp/tone.wav", contentHash: "ab")), sourceSamples: n, start: start)
}

@Suite struct AudioEditTests {
    @Test func testFramesMapToExactSampleCountsAtEveryRate() throws {
        #expect(AudioClock.sample(atFrame: 1, rate: .fps24) == 2000)
        #expect(AudioClock.sample(atFrame: 1, rate: try FrameRate(Rational(24000, 1001))) == 2002)
        #expect(AudioClock.sample(atFrame: 3, rate: try FrameRate(Rational(30, 1))) == 4800)
        #expect(AudioClock.frame(atSample: 2001, rate: .fps24) == 1)
        #expect(AudioClock.frame(atSample: 1999, rate: .fps24) == 0)
    }

    @Test func testEveryAudioEditIsUndoneExactlyByItsInverse() throws {
        let original = try fixtureProject()
        var p = original
        var done: [Edit] = []
        func apply(_ e: Edit) throws { try p.apply(e); done.append(e) }
        let (add, id) = try p.addingAudioClip(lane: .music) { fileClip($0, seconds: 3, start: 10) }
        try apply(add)
        let (voice, vid) = try p.addingAudioClip(lane: .voice) {
            AudioClip(id: $0, source: .voice(VoiceLine(text: "Hello there")), sourceSamples: 48_000, start: 24)
        }
        try apply(voice)
        try apply(try p.updatingAudioClip(id) { $0.gainDB = -6; $0.fadeIn = 4800; $0.fadeOut = 9600; $0.inSample = 100 })
        try apply(try p.updatingAudioLane(.music) { $0.mute = true; $0.gainDB = -3 })
        try apply(try p.updatingAudioLane(.voice) { $0.solo = true })
        try apply(try p.updatingDucking { $0.amountDB = 18; $0.attackMs = 20 })
        try apply(try p.removingAudioClip(vid))
        #expect(p.audio.clip(id)?.gainDB == -6)
        #expect(p.audio.clip(vid) == nil)
        #expect(p.audio.isAudible(.voice) && !p.audio.isAudible(.music) && !p.audio.isAudible(.effects))
        for e in done.reversed() { try p.apply(e.inverse) }
        #expect(p == original)
        for e in done { try p.apply(e) }
        #expect(p.audio.clip(id)?.fadeOut == 9600)
    }

    @Test func testBadAudioValuesAreRefusedWithASentenceAndChangeNothing() throws {
        var p = try fixtureProject()
        let (add, id) = try p.addingAudioClip(lane: .effects) { fileClip($0, seconds: 2) }
        try p.apply(add)
        let before = p
        func refused(_ build: () throws -> Edit, _ words: String) {
            do {
                let e = try build()
                try p.apply(e)
                Issue.record("accepted: \(words)")
            } catch {
                let message = error.localizedDescription
                #expect(message.contains(words), "\(message)")
                #expect(!message.contains("\n"))
            }
            #expect(p == before)
        }
        refused({ try p.updatingAudioClip(id) { $0.gainDB = .nan } }, "finite")
        refused({ try p.updatingAudioClip(id) { $0.gainDB = 400 } }, "out of range")
        refused({ try p.updatingAudioLane(.music) { $0.gainDB = -.infinity } }, "finite")
        refused({ try p.updatingAudioClip(id) { $0.fadeIn = 96_000; $0.fadeOut = 1 } }, "longer than the clip")
        refused({ try p.updatingAudioClip(id) { $0.start = p.duration } }, "past the end")
        refused({ try p.updatingAudioClip(id) { $0.outSample = $0.sourceSamples + 1 } }, "outside the source")
        refused({ try p.updatingDucking { $0.releaseMs = 0 } }, "ducking release")
        refused({ try p.addingAudioClip(lane: .picture) { fileClip($0) }.0 }, "follows the shots")
        refused({ try p.addingAudioClip(lane: .music) { fileClip($0, seconds: 3 * 3600) }.0 }, "up to 60 minutes")
        let long = String(repeating: "word ", count: 20_000)
        refused({ try p.addingAudioClip(lane: .voice) { AudioClip(id: $0, source: .voice(VoiceLine(text: long)), sourceSamples: 10, start: 0) }.0 }, "too long")
        refused({ try p.addingAudioClip(lane: .voice) { AudioClip(id: $0, source: .voice(VoiceLine(text: "hi", voice: "en; rm")), sourceSamples: 10, start: 0) }.0 }, "not a voice name")
        refused({ try p.removingAudioClip("au999") }, "does not exist")
        #expect(throws: AudioEditError.unknownLane("drums")) { try AudioLaneKind(parsing: "drums") }
    }

    @Test func testAClipOnAnEmptyTimelineIsRefused() throws {
        let p = Project(settings: ProjectSettings(name: "empty"))
        #expect(throws: AudioEditError.emptyTimeline) { try p.addingAudioClip(lane: .music) { fileClip($0) } }
    }
}
