// The part of autocannon 9 that scripts/bench-sync.ts uses (the package ships no types).
declare module "autocannon" {
  type Options = {
    url: string;
    method?: "GET" | "POST" | "PUT" | "OPTIONS";
    connections?: number;
    pipelining?: number;
    duration?: number;
    amount?: number;
    body?: string;
    headers?: Record<string, string>;
  };
  type Histogram = { average: number; mean: number; p50: number; p99: number; total: number };
  type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
