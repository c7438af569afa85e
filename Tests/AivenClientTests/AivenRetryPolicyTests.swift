import Testing

@testable import AivenClient

@Suite struct AivenRetryPolicyTests {
    let policy = AivenRetryPolicy(maxAttempts: 5, initialBackoff: .seconds(1), maxBackoff: .seconds(6), multiplier: 2, jitter: 0.5)

    @Test func backoffGrowsExponentiallyAndIsCapped() {
        #expect(policy.backoff(beforeRetry: 1, random: 0.5) == .seconds(1))
        #expect(policy.backoff(beforeRetry: 2, random: 0.5) == .seconds(2))
        #expect(policy.backoff(beforeRetry: 3, random: 0.5) == .seconds(4))
        #expect(policy.backoff(beforeRetry: 4, random: 0.5) == .seconds(6))
        #expect(policy.backoff(beforeRetry: 40, random: 0.5) == .seconds(6))
    }

    @Test func jitterSpreadsTheWaitWithinTheCap() {
        #expect(policy.backoff(beforeRetry: 2, random: 0) == .seconds(1))
        #expect(policy.backoff(beforeRetry: 2, random: 0.999) < .seconds(3))
        #expect(policy.backoff(beforeRetry: 2, random: 0.999) > .milliseconds(2900))
        #expect(policy.backoff(beforeRetry: 4, random: 0.999) == .seconds(6))
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsAreRetriedForIdempotentCallsOnly(status: Int) {
        let error = AivenError.server(status: status, message: "Internal Server Error")
        #expect(policy.decision(after: error, attempt: 1, idempotent: true, random: 0.5) == .retry(after: .seconds(1)))
        #expect(policy.decision(after: error, attempt: 1, idempotent: false, random: 0.5) == .giveUp)
    }

    @Test func retryLaterIsRetriedOnlyWhenIdempotent() {
        // 501: Aiven's "retry later" for a topic or connector still being set up.
        #expect(policy.decision(after: .server(status: 501, message: "x"), attempt: 1, idempotent: true, random: 0.5) == .retry(after: .seconds(1)))
        #expect(policy.decision(after: .server(status: 501, message: "x"), attempt: 1, idempotent: false, random: 0.5) == .giveUp)
    }

    @Test(arguments: [
        AivenError.invalid(message: "bad"), .notFound(message: "gone"), .unauthorized(message: "Invalid token"),
        .forbidden(message: "no"), .alreadyExists(message: "already exists"), .conflict(message: "in use"),
        .unexpectedStatus(status: 405, message: "x"),
    ])
    func clientErrorsAreNeverRetried(error: AivenError) {
        #expect(policy.decision(after: error, attempt: 1, idempotent: true, random: 0.5) == .giveUp)
    }

    @Test func rateLimitWaitsAsToldEvenForCreates() {
        let error = AivenError.rateLimited(retryAfter: .seconds(3), message: "slow down")
        #expect(policy.decision(after: error, attempt: 1, idempotent: false, random: 0.5) == .retry(after: .seconds(3)))
        let unknownWait = AivenError.rateLimited(retryAfter: nil, message: "slow down")
        #expect(policy.decision(after: unknownWait, attempt: 2, idempotent: true, random: 0.5) == .retry(after: .seconds(2)))
        let tooLong = AivenError.rateLimited(retryAfter: .seconds(3600), message: "slow down")
        #expect(policy.decision(after: tooLong, attempt: 1, idempotent: true, random: 0.5) == .giveUp)
    }

    @Test func createsAreRetriedOnlyWhenTheRequestNeverLeft() {
        let refused = AivenError.transport(TransportFailure(reason: "connection refused", requestMayHaveBeenSent: false))
        let timeout = AivenError.transport(TransportFailure(reason: "deadline", requestMayHaveBeenSent: true, isTimeout: true))
        #expect(policy.decision(after: refused, attempt: 1, idempotent: false, random: 0.5) == .retry(after: .seconds(1)))
        #expect(policy.decision(after: timeout, attempt: 1, idempotent: false, random: 0.5) == .giveUp)
        #expect(policy.decision(after: timeout, attempt: 1, idempotent: true, random: 0.5) == .retry(after: .seconds(1)))
    }

    /// Issue 27: a create sent before any read holds its resource's finalizer while it runs, so
    /// it asks for no retry of a request that never reached Aiven; everything else is as usual.
    @Test func failingFastGivesUpOnlyOnARequestThatNeverLeft() {
        var fast = policy
        fast.retriesUnreachable = false
        let refused = AivenError.transport(TransportFailure(reason: "connection refused", requestMayHaveBeenSent: false))
        #expect(fast.decision(after: refused, attempt: 1, idempotent: false, random: 0.5) == .giveUp)
        #expect(fast.decision(after: refused, attempt: 1, idempotent: true, random: 0.5) == .giveUp)
        let limited = AivenError.rateLimited(retryAfter: .seconds(3), message: "slow down")
        #expect(fast.decision(after: limited, attempt: 1, idempotent: false, random: 0.5) == .retry(after: .seconds(3)))
        let dropped = AivenError.transport(TransportFailure(reason: "reset", requestMayHaveBeenSent: true))
        #expect(fast.decision(after: dropped, attempt: 1, idempotent: true, random: 0.5) == .retry(after: .seconds(1)))
    }

    /// Issue 27: which failed writes may have changed something on Aiven (a create that may have
    /// landed keeps its resource's finalizer; one that cannot have lets it go).
    @Test(arguments: [
        (AivenError.alreadyExists(message: "x"), false), (.conflict(message: "x"), false), (.invalid(message: "x"), false),
        (.unauthorized(message: "x"), false), (.forbidden(message: "x"), false), (.notFound(message: "x"), false),
        (.rateLimited(retryAfter: nil, message: "x"), false), (.unexpectedStatus(status: 417, message: "x"), false),
        (.transport(TransportFailure(reason: "DNS error", requestMayHaveBeenSent: false)), false),
        (.transport(TransportFailure(reason: "read timeout", requestMayHaveBeenSent: true, isTimeout: true)), true),
        (.server(status: 503, message: "x"), true), (.unexpectedStatus(status: 520, message: "x"), true),
        (.invalidResponse(message: "x"), true), (.cancelled, true),
    ])
    func aWriteMayHaveTakenEffectUnlessAivenAnsweredNoOrNeverGotIt(error: AivenError, mayHave: Bool) {
        #expect(error.mayHaveTakenEffect == mayHave)
    }

    @Test func attemptsAreBounded() {
        let error = AivenError.server(status: 503, message: "x")
        #expect(policy.decision(after: error, attempt: 4, idempotent: true, random: 0.5) != .giveUp)
        #expect(policy.decision(after: error, attempt: 5, idempotent: true, random: 0.5) == .giveUp)
        #expect(AivenRetryPolicy.never.decision(after: error, attempt: 1, idempotent: true, random: 0.5) == .giveUp)
    }
}
