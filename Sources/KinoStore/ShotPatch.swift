import Foundation
import KinoCore

/// The journal form of a shot update: only the fields that changed, old and new. Most edits
/// change one field of one shot, so this keeps journal rows small and cheap to write; the full
/// shots are rebuilt from the project the journal is replayed against.
enum ShotPatch {
    /// JSON `{"shotPatch":{"id":…,"old":{…},"new":{…}}}` with only the changed fields.
    static func json(old: Shot, new: Shot) throws -> String {
        var o = "", n = ""
        func add(_ key: String, _ a: String, _ b: String) {
            o += (o.isEmpty ? "" : ",") + "\"\(key)\":" + a
            n += (n.isEmpty ? "" : ",") + "\"\(key)\":" + b
        }
        func str(_ s: String?) -> String { s.map(jsonString) ?? "null" }
        func enc<T: Encodable>(_ v: T?) throws -> String {
            guard let v else { return "null" }
            return String(decoding: try encoder.encode(v), as: UTF8.self)
        }
        if old.name != new.name { add("name", str(old.name), str(new.name)) }
        if old.prompt != new.prompt { add("prompt", str(old.prompt), str(new.prompt)) }
        if old.duration != new.duration { add("duration", "\(old.duration)", "\(new.duration)") }
        if old.seed != new.seed { add("seed", "\(old.seed)", "\(new.seed)") }
        if old.sceneID != new.sceneID { add("sceneID", str(old.sceneID.raw), str(new.sceneID.raw)) }
        if old.cast != new.cast { add("cast", try enc(old.cast), try enc(new.cast)) }
        if old.camera != new.camera { add("camera", try enc(old.camera), try enc(new.camera)) }
        if old.cameraPreset != new.cameraPreset { add("cameraPreset", str(old.cameraPreset?.rawValue), str(new.cameraPreset?.rawValue)) }
        if old.cameraIsExplicit != new.cameraIsExplicit { add("cameraIsExplicit", "\(old.cameraIsExplicit)", "\(new.cameraIsExplicit)") }
        if old.startImage != new.startImage { add("startImage", try enc(old.startImage), try enc(new.startImage)) }
        if old.sourceVideo != new.sourceVideo { add("sourceVideo", try enc(old.sourceVideo), try enc(new.sourceVideo)) }
        if old.lightingID != new.lightingID { add("lightingID", str(old.lightingID?.raw), str(new.lightingID?.raw)) }
        if old.currentTakeID != new.currentTakeID { add("currentTakeID", str(old.currentTakeID?.raw), str(new.currentTakeID?.raw)) }
        return "{\"shotPatch\":{\"id\":\(jsonString(new.id.raw)),\"old\":{\(o)},\"new\":{\(n)}}}"
    }

    /// Rebuilds the full edit from a patch, given the shot as it is now: for an undo the
    /// current shot is the patch's new side, for a redo its old side.
    static func edit(from json: [String: Any], current: Project) throws -> Edit {
        guard let id = json["id"] as? String, let oldFields = json["old"] as? [String: Any],
              let newFields = json["new"] as? [String: Any] else { throw JournalError.unreadable("shot patch") }
        guard let shot = current.shot(ShotID(raw: id)) else { throw ValidationError.unknownShot(id, count: current.shots.count) }
        var old = shot, new = shot
        try apply(oldFields, to: &old)
        try apply(newFields, to: &new)
        return .updateShot(old: old, new: new)
    }

    private static func apply(_ fields: [String: Any], to s: inout Shot) throws {
        for (key, value) in fields {
            let isNull = value is NSNull
            switch key {
            case "name": s.name = value as? String ?? ""
            case "prompt": s.prompt = value as? String ?? ""
            case "duration": s.duration = try int(value)
            case "seed": s.seed = try uint64(value)
            case "sceneID": s.sceneID = SceneID(raw: value as? String ?? "")
            case "cast": s.cast = try decode([CastMember].self, value)
            case "camera": s.camera = try decode(CameraPath.self, value)
            case "cameraPreset": s.cameraPreset = isNull ? nil : CameraPreset(rawValue: value as? String ?? "")
            case "cameraIsExplicit": s.cameraIsExplicit = (value as? Bool) ?? ((value as? NSNumber)?.boolValue ?? false)
            case "startImage": s.startImage = isNull ? nil : try decode(MediaReference.self, value)
            case "sourceVideo": s.sourceVideo = isNull ? nil : try decode(VideoSource.self, value)
            case "lightingID": s.lightingID = isNull ? nil : (value as? String).map(LightingID.init(raw:))
            case "currentTakeID": s.currentTakeID = isNull ? nil : (value as? String).map(TakeID.init(raw:))
            default: throw JournalError.unreadable("unknown shot field \(key)")
            }
        }
    }

    private static func int(_ v: Any) throws -> Int {
        if let n = v as? NSNumber { return n.intValue }
        throw JournalError.unreadable("number")
    }
    private static func uint64(_ v: Any) throws -> UInt64 {
        if let n = v as? NSNumber { return n.uint64Value }
        throw JournalError.unreadable("seed")
    }
    private static func decode<T: Decodable>(_ type: T.Type, _ v: Any) throws -> T {
        let data = try JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed])
        return try JSONDecoder().decode(T.self, from: data)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
}

/// A JSON string literal for `s`.
func jsonString(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}

enum JournalError: Error, LocalizedError {
    case unreadable(String)
    var errorDescription: String? {
        if case .unreadable(let what) = self { return "the edit history has an unreadable entry (\(what))" }
        return nil
    }
}
