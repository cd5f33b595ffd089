import KinoCore

/// A shot's takes as every front end numbers them: complete takes numbered 1, 2, … oldest
/// first; cancelled and failed ones listed apart, unnumbered.
public struct TakeList: Sendable {
    public var complete: [Take]
    public var unfinished: [Take]

    /// The take a user named: its number among the complete ones, or its id.
    public func take(_ text: String) throws -> Take {
        if let n = Int(text) {
            guard n >= 1, n <= complete.count else {
                throw ValidationError.outOfRange(field: "take", value: text,
                                                 range: complete.isEmpty ? "no complete takes yet (render the shot first)" : "1…\(complete.count)")
            }
            return complete[n - 1]
        }
        if let t = complete.first(where: { $0.id.raw == text }) { return t }
        if unfinished.contains(where: { $0.id.raw == text }) { throw KinoKitError.takeNotComplete(text) }
        throw ValidationError.unknownTake(text)
    }

    /// The number of a complete take (nil for an unfinished or unknown one).
    public func number(of id: TakeID?) -> Int? { id.flatMap { id in complete.firstIndex { $0.id == id } }.map { $0 + 1 } }
}

extension ProjectSession {
    /// The shot's takes, numbered as everywhere in Kino.
    public func takeList(of shot: ShotID) -> TakeList {
        let all = takes(of: shot)
        return TakeList(complete: all.filter { $0.status == .complete }, unfinished: all.filter { $0.status != .complete })
    }
}

extension ProjectSession {
    /// Frames a take really has: all of them for a complete take; for a cancelled or failed
    /// one, the inherited frames plus those it generated before it stopped (in the cache).
    public func framesDone(_ take: Take) -> Int {
        if take.status == .complete { return take.frameCount }
        let p = project
        let own = RenderQuality.allCases.map { q -> Int in
            let size = q.resolution(for: p)
            return (0..<take.frameCount).filter { cache.contains(take: take.id, size: size, frame: $0) }.count
        }.max() ?? 0
        guard let (_, text) = try? store.take(take.id), let recipe = try? TakeRecipe.decode(text) else { return own }
        let inherited = recipe.ownStart
        let generated = RenderQuality.allCases.map { q -> Int in
            let size = q.resolution(for: p)
            return (recipe.ownStart..<max(recipe.ownStart, take.frameCount)).filter { cache.contains(take: take.id, size: size, frame: $0) }.count
        }.max() ?? 0
        return max(own, inherited + generated)
    }
}
