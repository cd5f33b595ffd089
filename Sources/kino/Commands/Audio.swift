import ArgumentParser
import Foundation
import KinoCore
import KinoKit

/// `kino audio …`: sound clips on the lanes under the picture. Each subcommand calls its verb.
struct AudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audio", abstract: "Add, list, change and export sound.",
                                                    subcommands: [Add.self, List.self, Set.self, Remove.self, Lane.self, Duck.self, Export.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a sound file (WAV, FLAC, MP3, AAC/M4A, Ogg, a video's sound) onto a lane.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "The sound file.") var file: String
        @Option(help: "voice, music or effects (default music).") var lane: String?
        @Option(parsing: .unconditional, help: "Timeline time in seconds where it starts (default 0).") var at: String?
        @Option(parsing: .unconditional, help: "Gain in dB.") var gain: String?
        @Option(help: "A name for the clip.") var name: String?
        func run() throws {
            var v = VerbInvocation("audio add", ["file": [file]])
            v.set("lane", lane); v.set("at", at); v.set("gain", gain); v.set("name", name)
            try project.run(v)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the lanes and their clips.")
        @OptionGroup var project: ProjectPath
        @Flag(help: "Print JSON.") var json = false
        func run() throws {
            if json {
                let session = try project.open()
                defer { project.release(session) }
                let e = JSONEncoder()
                e.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try e.encode(session.audioSummary()), as: UTF8.self))
            } else {
                try project.run(VerbInvocation("audio list", [:]))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a clip's start, trim, gain, fades or name.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Audio clip id (au3).") var clip: String
        @Option(parsing: .unconditional, help: "New timeline start, seconds.") var at: String?
        @Option(name: .customLong("in"), parsing: .unconditional, help: "In point in the source, seconds.") var inPoint: String?
        @Option(name: .customLong("out"), parsing: .unconditional, help: "Out point in the source, seconds.") var outPoint: String?
        @Option(parsing: .unconditional, help: "Gain in dB (−60…+24).") var gain: String?
        @Option(name: .customLong("fade-in"), parsing: .unconditional, help: "Fade-in, seconds.") var fadeIn: String?
        @Option(name: .customLong("fade-out"), parsing: .unconditional, help: "Fade-out, seconds.") var fadeOut: String?
        @Option(help: "New name.") var name: String?
        func run() throws {
            var v = VerbInvocation("audio set", ["clip": [clip]])
            v.set("at", at); v.set("in", inPoint); v.set("out", outPoint); v.set("gain", gain)
            v.set("fade-in", fadeIn); v.set("fade-out", fadeOut); v.set("name", name)
            try project.run(v)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an audio clip.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Audio clip id (au3).") var clip: String
        func run() throws { try project.run(VerbInvocation("audio remove", ["clip": [clip]])) }
    }

    struct Lane: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a lane's gain, mute or solo.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "voice, music, effects or picture.") var lane: String
        @Option(parsing: .unconditional, help: "Lane gain in dB.") var gain: String?
        @Option(help: "on or off.") var mute: String?
        @Option(help: "on or off.") var solo: String?
        func run() throws {
            var v = VerbInvocation("audio lane", ["lane": [lane]])
            v.set("gain", gain); v.set("mute", mute); v.set("solo", solo)
            try project.run(v)
        }
    }

    struct Duck: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set how far music is lowered under voice, and how fast.")
        @OptionGroup var project: ProjectPath
        @Option(parsing: .unconditional, help: "dB down (0–40).") var amount: String?
        @Option(parsing: .unconditional, help: "Attack, ms (1–2000).") var attack: String?
        @Option(parsing: .unconditional, help: "Release, ms (1–5000).") var release: String?
        @Option(help: "on or off.") var enabled: String?
        func run() throws {
            var v = VerbInvocation("audio duck", [:])
            v.set("amount", amount); v.set("attack", attack); v.set("release", release); v.set("enabled", enabled)
            try project.run(v)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the sound alone (--audio-only): the mix, or one stem per lane, as WAV or FLAC.")
        @OptionGroup var project: ProjectPath
        @Option(name: .short, help: "The .wav or .flac file.") var o: String
        @Flag(help: "One file per lane: NAME-voice.wav, NAME-music.wav …") var stems = false
        @Option(parsing: .unconditional, help: "Normalise to this loudness, LUFS (−16 web, −23 EBU R128).") var loudness: String?
        @Option(parsing: .unconditional, help: "Range A-B of the timeline.") var range: String?
        func run() throws {
            var v = VerbInvocation("audio export", ["output": [o]])
            v.set("stems", flag: stems); v.set("loudness", loudness); v.set("range", range)
            try project.run(v)
        }
    }
}

/// `kino voice …`: lines spoken by espeak-ng on the voice lane.
struct VoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voice", abstract: "Speak voice-over lines from text.",
                                                    subcommands: [Add.self, Measure.self, Set.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Speak a line and place it on the voice lane; prints its spoken length.")
        @OptionGroup var project: ProjectPath
        @Option(help: "What to say.") var text: String
        @Option(parsing: .unconditional, help: "Timeline time in seconds.") var at: String?
        @Option(help: "espeak-ng voice (en, en-us, de, fr, es …).") var voice: String?
        @Option(parsing: .unconditional, help: "Words a minute (80–450).") var rate: String?
        @Option(parsing: .unconditional, help: "Pitch 0–99.") var pitch: String?
        @Option(parsing: .unconditional, help: "Gain in dB.") var gain: String?
        func run() throws {
            var v = VerbInvocation("voice add", ["text": [text]])
            v.set("at", at); v.set("voice", voice); v.set("rate", rate); v.set("pitch", pitch); v.set("gain", gain)
            try project.run(v)
        }
    }

    struct Measure: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say how long a line lasts when spoken, without placing it.")
        @OptionGroup var project: ProjectPath
        @Option(help: "What to say.") var text: String
        @Option(help: "espeak-ng voice.") var voice: String?
        @Option(parsing: .unconditional, help: "Words a minute.") var rate: String?
        @Option(parsing: .unconditional, help: "Pitch 0–99.") var pitch: String?
        func run() throws {
            var v = VerbInvocation("voice measure", ["text": [text]])
            v.set("voice", voice); v.set("rate", rate); v.set("pitch", pitch)
            try project.run(v)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a voice line's text, voice, rate or pitch.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Audio clip id (au3).") var clip: String
        @Option(help: "New text.") var text: String?
        @Option(help: "New voice.") var voice: String?
        @Option(parsing: .unconditional, help: "Words a minute.") var rate: String?
        @Option(parsing: .unconditional, help: "Pitch 0–99.") var pitch: String?
        func run() throws {
            var v = VerbInvocation("voice set", ["clip": [clip]])
            v.set("text", text); v.set("voice", voice); v.set("rate", rate); v.set("pitch", pitch)
            try project.run(v)
        }
    }
}

/// `kino music add`: a synthesised bed on the music lane.
struct MusicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "music", abstract: "Synthesised music beds.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Place a synthesised music bed on the music lane.")
        @OptionGroup var project: ProjectPath
        @Option(parsing: .unconditional, help: "Timeline time in seconds (default 0).") var at: String?
        @Option(parsing: .unconditional, help: "Length in seconds (default: to the end).") var length: String?
        @Option(parsing: .unconditional, help: "Seed for key and chords.") var seed: String?
        @Option(parsing: .unconditional, help: "Gain in dB (default −12).") var gain: String?
        func run() throws {
            var v = VerbInvocation("music add", [:])
            v.set("at", at); v.set("length", length); v.set("seed", seed); v.set("gain", gain)
            try project.run(v)
        }
    }
}
