/** The searches both index benchmarks time: words, keys, CIDR blocks, flags and markers. */
export const INDEX_BENCH_QUERIES = [
  'deploy',
  '"stack update"',
  'user:kim',
  'user:kim user:jdoe -event:stack-update-started',
  'category:stacks -actor:deployments',
  'ip:203.0.113.0/24',
  'ip:2001:db8::/32 -failed:true',
  'token:pulumi-deployments',
  'failed:true',
  'burst:true',
  'first-ip:true',
  'prod failed:false admin:true',
];
