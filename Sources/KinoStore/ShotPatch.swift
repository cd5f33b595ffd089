import Foundation
import KinoCore

/// The journal form of a shot update: only the fields that changed, old and new. Most edits
/// change one field of one shot, so this keeps journal rows small and cheap to write; the full
/// shots are rebuilt from the project the journal is replayed against.
enum ShotPatch {
    /// JSON `{"shotPatch":{"id":…,"old":{…},"new":{…}}}` with only the changed fields.
    static func json(old: Shot, new: Shot) throws -> String {
        var o = "", n = ""
        for f in ShotField.all where f.differs(old, new) {
            o += (o.isEmpty ? "" : ",") + jsonStringLiteral(f.name) + ":" + (try f.journalJSON(old))
            n += (n.isEmpty ? "" : ",") + jsonStringLiteral(f.name) + ":" + (try f.journalJSON(new))
        }
        return "{\"shotPatch\":{\"id\":\(jsonStringLiteral(new.id.raw)),\"old\":{\(o)},\"new\":{\(n)}}}"
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
            guard let field = ShotField.byName[key] else { throw JournalError.unreadable("unknown shot field \(key)") }
            do { try field.readJournal(&s, value) } catch { throw JournalError.unreadable("shot field \(key)") }
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
}

enum JournalError: Error, LocalizedError {
    case unreadable(String)
    var errorDescription: String? {
        if case .unreadable(let what) = self { return "the edit history has an unreadable entry (\(what))" }
        return nil
    }
}
