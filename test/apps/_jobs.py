"""Job functions shared by the runtime apps (rt_features, rt_legacy_sse): generators, a State
counter, and loops whose progress a test reads back to see that a cancelled job stopped."""
import asyncio
import time

# token -> loop iterations run so far, so a test can see that a cancelled function stopped.
ITERATIONS: dict[str, int] = {}


def tokens(n: float):
    """Yield n cumulative tokens: "t0", "t0 t1", ..."""
    words = []
    for i in range(int(n)):
        words.append(f"t{i}")
        yield " ".join(words)


def counter(count: int):
    """Increment a per-session counter kept in gr.State."""
    count = (count or 0) + 1
    return count, count


async def slow(token: str, steps: float):
    """Count loop iterations for `token`, 0.1 s each."""
    ITERATIONS[token] = 0
    for _ in range(int(steps)):
        await asyncio.sleep(0.1)
        ITERATIONS[token] += 1
    return ITERATIONS[token]


def slow_gen(token: str, steps: float):
    """Generator variant of slow: yields the iteration count."""
    ITERATIONS[token] = 0
    for _ in range(int(steps)):
        time.sleep(0.1)
        ITERATIONS[token] += 1
        yield ITERATIONS[token]


def iterations(token: str):
    """How many iterations ran for `token` (-1 if none)."""
    return ITERATIONS.get(token, -1)
