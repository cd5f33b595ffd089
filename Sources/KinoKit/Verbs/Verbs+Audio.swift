import Foundation
import KinoAudio
import KinoCore

extension Verbs {
    static let lanes = AudioLaneKind.allCases.map(\.rawValue)
    static let onOff = ["on", "off"]

    static func clipArgument() -> VerbArgument {
        VerbArgument("clip", .text, "Audio clip id (au3); 'kino audio list' shows them.", required: true, positional: true)
    }

    static func samples(_ seconds: Double?) -> Int? { seconds.map(AudioClock.samples(seconds:)) }

    static let audioVerbs: [Verb] = [
        Verb("audio add", doc: "import a sound file (WAV, FLAC, MP3, AAC/M4A, Ogg Vorbis/Opus, a video's sound) onto a lane",
             arguments: [
                VerbArgument("file", .path, "The sound file.", required: true, positional: true),
                VerbArgument("lane", .choice(lanes), "voice, music or effects (default music)."),
                VerbArgument("at", .number(0...86_400), "Timeline time in seconds where it starts (default 0)."),
                VerbArgument("gain", .number(-60...24), "Gain in dB (default 0)."),
                VerbArgument("name", .text, "A name for the clip."),
             ],
             body: .session { session, a in
                 let lane = try AudioLaneKind(parsing: a.text("lane") ?? "music")
                 let c = try session.importAudio(path: try a.require(a.text("file"), "file"), lane: lane, atSeconds: a.number("at") ?? 0,
                                                 gainDB: a.number("gain") ?? 0, name: a.text("name") ?? "")
                 return VerbOutcome(message: "added \(lane.rawValue) clip \(c.id) '\(c.title)': \(String(format: "%.3f", AudioClock.seconds(samples: c.length))) s at \(VerbArgument.seconds(c.start, session.project.frameRate)) s")
             }),
        Verb("audio list", doc: "list the audio lanes and their clips",
             arguments: [],
             body: .session { session, _ in VerbOutcome(message: "", details: session.audioSummary().lines) }),
        Verb("audio set", doc: "change a clip's start, trim, gain, fades or name",
             arguments: [
                clipArgument(),
                VerbArgument("at", .number(0...86_400), "New timeline start in seconds."),
                VerbArgument("in", .number(0...3600), "In point in the source, seconds."),
                VerbArgument("out", .number(0...3600), "Out point in the source, seconds."),
                VerbArgument("gain", .number(-1e9...1e9), "Gain in dB (−60…+24)."),
                VerbArgument("fade-in", .number(0...3600), "Fade-in length in seconds."),
                VerbArgument("fade-out", .number(0...3600), "Fade-out length in seconds."),
                VerbArgument("name", .text, "New name."),
             ],
             needsOneOf: ["at", "in", "out", "gain", "fade-in", "fade-out", "name"],
             body: .edit { p, a in
                 let clip = try p.resolveAudioClip(try a.require(a.text("clip"), "clip"))
                 return try p.updatingAudioClip(clip.id) { c in
                     if let t = a.number("at") { c.start = p.frameRate.frames(seconds: t) }
                     if let s = samples(a.number("in")) { c.inSample = s }
                     if let s = samples(a.number("out")) { c.outSample = s }
                     if let g = a.number("gain") { c.gainDB = g }
                     if let s = samples(a.number("fade-in")) { c.fadeIn = s }
                     if let s = samples(a.number("fade-out")) { c.fadeOut = s }
                     if let n = a.text("name") { c.name = n }
                 }
             }),
        Verb("audio remove", doc: "remove an audio clip",
             arguments: [clipArgument()],
             body: .edit { p, a in try p.removingAudioClip(try p.resolveAudioClip(try a.require(a.text("clip"), "clip")).id) }),
        Verb("audio lane", doc: "set a lane's gain, mute or solo",
             arguments: [
                VerbArgument("lane", .choice(lanes), "voice, music, effects or picture.", required: true, positional: true),
                VerbArgument("gain", .number(-1e9...1e9), "Lane gain in dB (−60…+24)."),
                VerbArgument("mute", .choice(onOff), "on or off."),
                VerbArgument("solo", .choice(onOff), "on or off."),
             ],
             needsOneOf: ["gain", "mute", "solo"],
             body: .edit { p, a in
                 try p.updatingAudioLane(try AudioLaneKind(parsing: try a.require(a.text("lane"), "lane"))) { l in
                     if let g = a.number("gain") { l.gainDB = g }
                     if let m = a.text("mute") { l.mute = m == "on" }
                     if let s = a.text("solo") { l.solo = s == "on" }
                 }
             }),
        Verb("audio duck", doc: "set how far music is lowered under voice, and how fast",
             arguments: [
                VerbArgument("amount", .number(-1e9...1e9), "dB the music goes down (0–40)."),
                VerbArgument("attack", .number(-1e9...1e9), "Milliseconds to go down (1–2000)."),
                VerbArgument("release", .number(-1e9...1e9), "Milliseconds to come back (1–5000)."),
                VerbArgument("enabled", .choice(onOff), "on or off."),
             ],
             needsOneOf: ["amount", "attack", "release", "enabled"],
             body: .edit { p, a in
                 try p.updatingDucking { d in
                     if let v = a.number("amount") { d.amountDB = v }
                     if let v = a.number("attack") { d.attackMs = v }
                     if let v = a.number("release") { d.releaseMs = v }
                     if let e = a.text("enabled") { d.enabled = e == "on" }
                 }
             }),
        Verb("audio export", doc: "write the sound alone: the mix, or one stem per lane, as .wav or .flac",
             arguments: [
                VerbArgument("output", .path, "The .wav or .flac file (stems: NAME-voice.wav …).", required: true, positional: true),
                VerbArgument("stems", .flag, "One file per lane instead of the mix."),
                VerbArgument("loudness", .number(-70 ... -5), "Normalise to this integrated loudness, LUFS (−16 web, −23 EBU R128)."),
                VerbArgument("range", .timelineRange, "Range A-B of the timeline in seconds or timecode."),
             ],
             body: .session { session, a in
                 let files = try session.exportSound(to: try a.require(a.text("output"), "output"), stems: a.flag("stems"),
                                                     range: a.range("range"), loudness: a.number("loudness"))
                 return VerbOutcome(message: "wrote " + files.joined(separator: ", "))
             }),
        Verb("voice add", doc: "speak a line with espeak-ng and place it on the voice lane (its spoken length is shown)",
             arguments: [
                VerbArgument("text", .text, "What to say.", required: true, positional: true),
                VerbArgument("at", .number(0...86_400), "Timeline time in seconds (default 0)."),
                VerbArgument("voice", .text, "espeak-ng voice: en, en-us, de, fr, es … (default \(VoiceSynth.defaultVoice))."),
                VerbArgument("rate", .integer(AudioLimits.voiceRate), "Words a minute (default 175)."),
                VerbArgument("pitch", .integer(AudioLimits.voicePitch), "0–99 (default 50)."),
                VerbArgument("gain", .number(-60...24), "Gain in dB."),
             ],
             body: .session { session, a in
                 let line = voiceLine(a, text: try a.require(a.text("text"), "text"))
                 let c = try session.addVoiceLine(line, atSeconds: a.number("at") ?? 0, gainDB: a.number("gain") ?? 0)
                 return VerbOutcome(message: "added voice line \(c.id): \(String(format: "%.3f", AudioClock.seconds(samples: c.length))) s spoken, at \(VerbArgument.seconds(c.start, session.project.frameRate)) s")
             }),
        Verb("voice measure", doc: "say how long a line lasts when spoken, without placing it",
             arguments: [
                VerbArgument("text", .text, "What to say.", required: true, positional: true),
                VerbArgument("voice", .text, "espeak-ng voice."),
                VerbArgument("rate", .integer(AudioLimits.voiceRate), "Words a minute."),
                VerbArgument("pitch", .integer(AudioLimits.voicePitch), "0–99."),
             ],
             body: .session { session, a in
                 let line = voiceLine(a, text: try a.require(a.text("text"), "text"))
                 return VerbOutcome(message: String(format: "%.3f s spoken", try session.spokenDuration(line)))
             }),
        Verb("voice set", doc: "change a voice line's text, voice, rate or pitch (spoken again)",
             arguments: [
                clipArgument(),
                VerbArgument("text", .text, "New text."),
                VerbArgument("voice", .text, "New voice."),
                VerbArgument("rate", .integer(AudioLimits.voiceRate), "Words a minute."),
                VerbArgument("pitch", .integer(AudioLimits.voicePitch), "0–99."),
             ],
             needsOneOf: ["text", "voice", "rate", "pitch"],
             body: .session { session, a in
                 let clip = try session.project.resolveAudioClip(try a.require(a.text("clip"), "clip"))
                 try session.setVoiceLine(clip.id) { l in
                     if let t = a.text("text") { l.text = t }
                     if let v = a.text("voice") { l.voice = v }
                     if let r = a.integer("rate") { l.rate = r }
                     if let p = a.integer("pitch") { l.pitch = p }
                 }
                 let now = session.project.audio.clip(clip.id)!
                 return VerbOutcome(message: "changed voice line \(clip.id): \(String(format: "%.3f", AudioClock.seconds(samples: now.length))) s spoken")
             }),
        Verb("music add", doc: "place a synthesised music bed (pads and bass from a seed) on the music lane",
             arguments: [
                VerbArgument("at", .number(0...86_400), "Timeline time in seconds (default 0)."),
                VerbArgument("length", .number(0.1...3600), "Length in seconds (default: to the end of the timeline)."),
                VerbArgument("seed", .seed, "Chooses the key and the chords (default 1)."),
                VerbArgument("gain", .number(-60...24), "Gain in dB (default −12)."),
             ],
             body: .session { session, a in
                 let p = session.project
                 let at = a.number("at") ?? 0
                 let length = a.number("length") ?? max(0.1, p.frameRate.seconds(frames: p.duration) - at)
                 let c = try session.addMusicBed(seed: a.seed("seed") ?? 1, atSeconds: at, length: length, gainDB: a.number("gain") ?? -12)
                 return VerbOutcome(message: "added music bed \(c.id): \(String(format: "%.3f", AudioClock.seconds(samples: c.length))) s at \(VerbArgument.seconds(c.start, p.frameRate)) s")
             }),
    ]

    static func voiceLine(_ a: VerbArguments, text: String) -> VoiceLine {
        var line = VoiceLine(text: text)
        if let v = a.text("voice") { line.voice = v }
        if let r = a.integer("rate") { line.rate = r }
        if let p = a.integer("pitch") { line.pitch = p }
        return line
    }
}
