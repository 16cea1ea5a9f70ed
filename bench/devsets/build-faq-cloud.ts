/**
 * Builds the "faq-cloud" retrieval dev set: the same rules as faq-large and faq-more (faq-build.ts), over
 * cloud-native / Kubernetes-ecosystem documentation that no other dev set uses.
 *
 *   npx tsx bench/devsets/build-faq-cloud.ts <docset>=<git dir> [<docset>=<git dir> …] [--out DIR]
 *
 * Each <git dir> is a clone (bare or not) that holds the commit pinned in DOCSETS below; files are read
 * with `git show <commit>:<path>`, so the working tree, if any, is never used. Every docset must be
 * given. The output depends only on the pinned commits: running it twice gives byte-identical files.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuilder, type DocsetConfig } from './faq-build.js';

export const DOCSETS: readonly DocsetConfig[] = [
  { id: 'autoscaler', name: 'Kubernetes Autoscaler', repo: 'kubernetes/autoscaler', commit: '55c37cd5eb550756c5ccc5a89e9068d77797e575', roots: ['cluster-autoscaler/', 'vertical-pod-autoscaler/'], skip: ['cluster-autoscaler/cloudprovider/magnum/gophercloud/', 'cluster-autoscaler/cloudprovider/oci/vendor-internal/'] },
  { id: 'gardener', name: 'Gardener', repo: 'gardener/documentation', commit: '37fde3803a78c63510349f5c71bfd7a180af714b', roots: ['hugo/content/docs/'], skip: ['hugo/content/docs/gardener/api-reference/'] },
  { id: 'externaldns', name: 'ExternalDNS', repo: 'kubernetes-sigs/external-dns', commit: '2bf1bf8af2b70f23579f9147c1f7e9394f7f83d5', roots: ['docs/'], skip: ['docs/flags.md'] },
  { id: 'calico', name: 'Calico', repo: 'tigera/docs', commit: 'f2a2762432b54f20274d42c67bfa828d82872498', roots: ['calico/'], skip: ['calico/release-notes/', 'calico/reference/installation/_api.mdx'] },
  { id: 'litmus', name: 'LitmusChaos', repo: 'litmuschaos/litmus-docs', commit: '64e84d4151c6cd7ba9827cac90ae6905cbe498f2', roots: ['website/docs/'] },
  { id: 'operatorsdk', name: 'Operator SDK', repo: 'operator-framework/operator-sdk', commit: '60559f3e002e0a6eccd7260935ef3aa1d154c66e', roots: ['website/content/en/docs/'], skip: ['website/content/en/docs/upgrading-sdk-version/', 'website/content/en/docs/contribution-guidelines/changelog.md', 'website/content/en/docs/cli/'] },
  { id: 'metricsserver', name: 'Metrics Server', repo: 'kubernetes-sigs/metrics-server', commit: '5ed5d3a2cf940a8c7541cfbac19af822f4c97844', roots: ['FAQ.md', 'README.md', 'KNOWN_ISSUES.md', 'charts/metrics-server/README.md'] },
  { id: 'gatewayapi', name: 'Gateway API', repo: 'kubernetes-sigs/gateway-api', commit: '4564255ac2c35d582249b3cdf261bdf51c8bca32', roots: ['site/content/en/'] },
  { id: 'traefik', name: 'Traefik', repo: 'traefik/traefik', commit: 'fd5a576df2e8aeb0bfc8a96b6ef6e60a61f7ec0a', roots: ['docs/content/'], skip: ['docs/content/reference/', 'docs/content/migrate/', 'docs/content/deprecation/'] },
  { id: 'kubebuilder', name: 'Kubebuilder', repo: 'kubernetes-sigs/kubebuilder', commit: '5c400728930120dd385712db61cb0a937238ce81', roots: ['docs/book/src/'] },
  { id: 'ingressnginx', name: 'Ingress-NGINX', repo: 'kubernetes/ingress-nginx', commit: 'dbb11b92ddb77bee9c35e462479129354c84f939', roots: ['docs/'], skip: ['docs/e2e-tests.md'] },
  { id: 'dapr', name: 'Dapr', repo: 'dapr/docs', commit: '0748da594aae03529034fd4aa1d10d96199df0c1', roots: ['daprdocs/content/en/'], skip: ['daprdocs/content/en/reference/components-reference/'] },
  { id: 'karmada', name: 'Karmada', repo: 'karmada-io/website', commit: '747f80c48c9a8784ec679cf88ae15b935c7824a9', roots: ['docs/'], skip: ['docs/reference/karmada-api/'] },
  { id: 'metallb', name: 'MetalLB', repo: 'metallb/metallb', commit: '7938d3f89b8bd808dae2e42d97d6ae7e18e9ed54', roots: ['website/content/'], skip: ['website/content/release-notes/'] },
  { id: 'kubevela', name: 'KubeVela', repo: 'kubevela/kubevela.io', commit: '0f169199c0ef57921f708a2d542ffeaee6e92558', roots: ['docs/'], skip: ['docs/end-user/components/cloud-services/', 'docs/cli/'] },
  { id: 'vitess', name: 'Vitess', repo: 'vitessio/website', commit: 'ad92a7c1ae28a1fd510ab2349f83d72f0f34b3b5', roots: ['content/en/docs/22.0/', 'content/en/docs/faq/'], skip: ['content/en/docs/22.0/reference/programs/'] },
];

if (/build-faq-cloud\.ts$/.test(process.argv[1] ?? '')) {
  runBuilder('build-faq-cloud.ts', DOCSETS, join(dirname(fileURLToPath(import.meta.url)), 'faq-cloud'), process.argv.slice(2));
}
