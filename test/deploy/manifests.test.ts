import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parseRules } from '../../src/service/rules.js';

/**
 * The deployment examples, checked for the mistakes that make them fail on a cluster: selectors that match no pod,
 * probes on a port that does not exist, a Secret or ConfigMap referenced by a name nobody defines. (No cluster and
 * no schema validator here: this checks their shape and cross-references.)
 */

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const K8S = `${DEPLOY}kubernetes/`;

// Parsed YAML, only read to be checked: `any` keeps the long property paths readable.
type Doc = Record<string, any>;

function manifests(): Doc[] {
  return readdirSync(K8S)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) => parseAllDocuments(readFileSync(`${K8S}${file}`, 'utf8')).map((doc) => ({ ...(doc.toJS() as Doc), file })));
}

const byKind = (kind: string): Doc => {
  const found = manifests().filter((doc) => doc.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Doc;
};

describe('Kubernetes manifests', () => {
  it('are all listed in the kustomization, each with apiVersion, kind and a name', () => {
    const kustomization = parse(readFileSync(`${K8S}kustomization.yaml`, 'utf8')) as Doc;
    const files = readdirSync(K8S).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...(kustomization.resources as string[])].sort()).toEqual(files.sort());
    for (const doc of manifests()) {
      expect(doc.apiVersion, doc.file).toMatch(/^(v1|apps\/v1|policy\/v1)$/);
      expect(doc.metadata?.name, doc.file).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('run two replicas with readiness on /readyz and liveness on /healthz, on a port the container declares', () => {
    const deployment = byKind('Deployment');
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const labels = deployment.spec.template.metadata.labels as Record<string, string>;
    expect(labels).toMatchObject(deployment.spec.selector.matchLabels);
    const [container] = deployment.spec.template.spec.containers as Doc[];
    const ports = (container?.ports as Doc[]).map((port) => port.name);
    expect(container?.readinessProbe.httpGet).toMatchObject({ path: '/readyz' });
    expect(container?.livenessProbe.httpGet).toMatchObject({ path: '/healthz' });
    expect(ports).toContain(container?.readinessProbe.httpGet.port);
    expect(ports).toContain(container?.livenessProbe.httpGet.port);
  });

  it('take LORE_DB and the tokens from the Secret, and lore.config.yml from the ConfigMap', () => {
    const deployment = byKind('Deployment');
    const secret = byKind('Secret');
    const configMap = byKind('ConfigMap');
    const spec = deployment.spec.template.spec;
    const [container] = spec.containers as Doc[];
    expect((container?.envFrom as Doc[]).map((from) => from.secretRef?.name)).toContain(secret.metadata.name);
    expect(secret.stringData.LORE_DB).toMatch(/^postgres:\/\//);
    expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']));
    const volume = (spec.volumes as Doc[]).find((v) => v.configMap?.name === configMap.metadata.name);
    const mount = (container?.volumeMounts as Doc[]).find((m) => m.name === volume?.name);
    const configPath = (container?.env as Doc[]).find((e) => e.name === 'LORE_CONFIG')?.value;
    expect(configPath).toBe(`${mount?.mountPath}/lore.config.yml`);
    expect(() => parseRules(configMap.data['lore.config.yml'] as string)).not.toThrow();
  });

  it('keep one replica up through voluntary disruptions, and route the Service to the pods', () => {
    const labels = byKind('Deployment').spec.template.metadata.labels as Record<string, string>;
    const budget = byKind('PodDisruptionBudget');
    expect(budget.spec.minAvailable).toBe(1);
    expect(labels).toMatchObject(budget.spec.selector.matchLabels);
    const service = byKind('Service');
    expect(labels).toMatchObject(service.spec.selector);
    const [container] = byKind('Deployment').spec.template.spec.containers as Doc[];
    expect((container?.ports as Doc[]).map((port) => port.name)).toContain(service.spec.ports[0].targetPort);
  });
});

describe('docker compose example', () => {
  it('runs two lore replicas on one PostgreSQL, started once it is healthy', () => {
    const compose = parse(readFileSync(`${DEPLOY}docker-compose.yml`, 'utf8')) as Doc;
    const { postgres, lore } = compose.services as Record<string, Doc>;
    expect(postgres?.image).toMatch(/^postgres:/);
    expect(postgres?.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(lore?.deploy.replicas).toBe(2);
    expect(lore?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(lore?.environment.LORE_DB).toMatch(/^postgres:\/\/lore:\$\{POSTGRES_PASSWORD\}@postgres:5432\/lore$/);
  });
});
