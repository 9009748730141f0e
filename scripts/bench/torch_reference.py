"""PyTorch reference for `npm run bench:train`: the same tiny byte-level transformer, trained on
the CPU with one thread, so the tfjs engine's tokens/s can be given as a ratio measured in the
same run. Not part of the product: needs Debian's python3-torch and libopenblas0-pthread.

usage: python3 scripts/bench/torch_reference.py --mode full|lora --steps N [--warmup N]
Prints one JSON object per line.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

V, D, H, L, T, B, R, ALPHA = 256, 128, 4, 2, 64, 16, 8, 16


class LoRALinear(nn.Module):
    def __init__(self, d_in, d_out, rank=0):
        super().__init__()
        self.base = nn.Linear(d_in, d_out, bias=False)
        self.rank = rank
        if rank:
            self.a = nn.Parameter(torch.randn(d_in, rank) / math.sqrt(d_in))
            self.b = nn.Parameter(torch.zeros(rank, d_out))

    def forward(self, x):
        y = self.base(x)
        if self.rank:
            y = y + (x @ self.a @ self.b) * (ALPHA / self.rank)
        return y


class Block(nn.Module):
    def __init__(self, rank):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.q, self.k, self.v, self.o = (LoRALinear(D, D, rank) for _ in range(4))
        self.fc, self.proj = nn.Linear(D, 4 * D), nn.Linear(4 * D, D)

    def forward(self, x, mask):
        h = self.ln1(x)
        q, k, v = (m(h).view(B, T, H, D // H).transpose(1, 2) for m in (self.q, self.k, self.v))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(D // H) + mask
        y = (att.softmax(-1) @ v).transpose(1, 2).reshape(B, T, D)
        x = x + self.o(y)
        return x + self.proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class Model(nn.Module):
    def __init__(self, rank):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(V, D), nn.Embedding(T, D)
        self.blocks = nn.ModuleList(Block(rank) for _ in range(L))
        self.lnf = nn.LayerNorm(D)
        self.register_buffer("mask", torch.full((T, T), float("-inf")).triu(1))

    def forward(self, idx):
        x = self.wte(idx) + self.wpe(torch.arange(T))
        for block in self.blocks:
            x = block(x, self.mask)
        return self.lnf(x) @ self.wte.weight.T


def matmul_gflops():
    a, b = torch.randn(512, 512), torch.randn(512, 512)
    for _ in range(3):
        a @ b
    start, n = time.perf_counter(), 20
    for _ in range(n):
        a @ b
    return 2 * 512**3 * n / (time.perf_counter() - start) / 1e9


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["full", "lora"], default="lora")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = Model(R if args.mode == "lora" else 0)
    if args.mode == "lora":
        for name, p in model.named_parameters():
            p.requires_grad = name.endswith(".a") or name.endswith(".b")
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=3e-3)
    corpus = torch.tensor(list(("the cat sat on the mat. " * 400).encode()), dtype=torch.long)

    def step():
        offsets = torch.randint(0, len(corpus) - T - 1, (B,))
        x = torch.stack([corpus[o : o + T] for o in offsets])
        y = torch.stack([corpus[o + 1 : o + T + 1] for o in offsets])
        loss = F.cross_entropy(model(x).reshape(-1, V), y.reshape(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        loss = step()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "bench": "train",
        "mode": args.mode,
        "backend": "pytorch-cpu",
        "threads": 1,
        "tokensPerSecond": round(args.steps * B * T / seconds),
        "loss": round(loss, 4),
        "matmulGflops": round(matmul_gflops(), 1),
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
