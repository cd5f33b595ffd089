import Foundation
import KinoCore
import Testing
@testable import KinoAudio

@Suite struct VoiceSynthTests {
    @Test func testTheSameLineGivesTheSameSamples() throws {
        // German's pitch flutter used to run on from one call into the next: now each line starts fresh.
        let line = VoiceLine(text: "Jede Einstellung bleibt gleich.", voice: "de")
        let a = try VoiceSynth.speak(line)
        _ = try VoiceSynth.speak(VoiceLine(text: "Something else in between.", voice: "en"))
        let b = try VoiceSynth.speak(line)
        #expect(a == b)
        #expect(a.count > 48_000 && a.count < 4 * 48_000, "\(a.count) samples")
        #expect(a.peak > 0.1 && a.peak <= 1)
    }

    @Test func testSeveralLanguagesAndRatesAreSpoken() throws {
        let known = try VoiceSynth.knownVoices()
        for v in ["en", "en-us", "de", "fr", "es"] { #expect(known.contains(v), "\(v) in \(known.prefix(20))") }
        let de = try VoiceSynth.speak(VoiceLine(text: "Guten Morgen, wie geht es dir?", voice: "de"))
        let fr = try VoiceSynth.speak(VoiceLine(text: "Guten Morgen, wie geht es dir?", voice: "fr"))
        #expect(de != fr)
        let slow = try VoiceSynth.speak(VoiceLine(text: "one two three four five six", voice: "en", rate: 120))
        let fast = try VoiceSynth.speak(VoiceLine(text: "one two three four five six", voice: "en", rate: 300))
        #expect(Double(fast.count) < 0.7 * Double(slow.count))
    }

    @Test func testAnUnknownLanguageOrAHugeLineIsAOneLineError() throws {
        do {
            _ = try VoiceSynth.speak(VoiceLine(text: "hello", voice: "xx-klingon"))
            Issue.record("spoke an unknown language")
        } catch {
            #expect(error.localizedDescription.hasPrefix("espeak-ng has no voice 'xx-klingon'; use a language code such as"))
        }
        let huge = String(repeating: "a", count: 100_000)
        #expect(throws: ValidationError.textTooLong(field: "the voice line", limit: AudioLimits.maxVoiceText)) {
            try VoiceSynth.speak(VoiceLine(text: huge))
        }
    }

    @Test func testTheResamplerKeepsPitchAndLevel() throws {
        let x = (0..<22_050).map { Float(0.5 * sin(2 * .pi * 1000 * Double($0) / 22_050)) }
        let y = Resampler(from: 22_050, to: 48_000).resample(x)
        #expect(y.count == 48_000)
        var crossings = 0, energy = 0.0
        for i in 12_001..<36_000 {
            if y[i - 1] < 0 && y[i] >= 0 { crossings += 1 }
            energy += Double(y[i] * y[i])
        }
        #expect(abs(crossings - 500) <= 1)
        #expect(abs((energy / 23_999).squareRoot() - 0.5 / 2.0.squareRoot()) < 0.005)
    }
}
