import { describe, expect, it } from 'vitest';
import {
  changedConfigFields,
  defaultClusterConfig,
  validateClusterConfig,
  type ClusterConfig,
} from '../../../src/engines/cluster/cluster-config.js';
import { domainErrorFrom } from './harness.js';

const HEARTBEAT_VS_SUSPECT = 'heartbeatIntervalMs must be shorter than suspectTimeoutMs';
const SUSPECT_VS_FAILURE = 'suspectTimeoutMs must be shorter than failureTimeoutMs';
const ELECTION_VS_HEARTBEAT = 'electionTimeoutMs must be longer than heartbeatIntervalMs';

function configWith(changes: Partial<ClusterConfig>): ClusterConfig {
  return { ...defaultClusterConfig, ...changes };
}

describe('validateClusterConfig', () => {
  it('accepts the defaults and returns the config it was given', () => {
    const config = configWith({});
    expect(validateClusterConfig(config)).toBe(config);
  });

  it('accepts every rule met by a single millisecond', () => {
    const tight = configWith({ heartbeatIntervalMs: 100, suspectTimeoutMs: 101, failureTimeoutMs: 102, electionTimeoutMs: 101 });
    expect(validateClusterConfig(tight)).toBe(tight);
  });

  it.each<[string, Partial<ClusterConfig>, string[]]>([
    ['heartbeat equal to the suspect timeout', { heartbeatIntervalMs: 1500, electionTimeoutMs: 2000 }, [HEARTBEAT_VS_SUSPECT]],
    ['heartbeat longer than the suspect timeout', { heartbeatIntervalMs: 1600, electionTimeoutMs: 2000 }, [HEARTBEAT_VS_SUSPECT]],
    ['suspect timeout equal to the failure timeout', { suspectTimeoutMs: 5000 }, [SUSPECT_VS_FAILURE]],
    ['suspect timeout longer than the failure timeout', { failureTimeoutMs: 1000 }, [SUSPECT_VS_FAILURE]],
    ['election timeout equal to the heartbeat', { electionTimeoutMs: 500 }, [ELECTION_VS_HEARTBEAT]],
    ['election timeout shorter than the heartbeat', { electionTimeoutMs: 400 }, [ELECTION_VS_HEARTBEAT]],
    ['heartbeat beyond both timeouts', { heartbeatIntervalMs: 1500 }, [HEARTBEAT_VS_SUSPECT, ELECTION_VS_HEARTBEAT]],
    [
      'every rule broken at once',
      { heartbeatIntervalMs: 3000, suspectTimeoutMs: 2000, failureTimeoutMs: 2000, electionTimeoutMs: 1000 },
      [HEARTBEAT_VS_SUSPECT, SUSPECT_VS_FAILURE, ELECTION_VS_HEARTBEAT],
    ],
  ])('rejects %s as UNPROCESSABLE, listing every problem', (_case, changes, problems) => {
    const error = domainErrorFrom(() => validateClusterConfig(configWith(changes)));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toEqual({ problems });
    for (const problem of problems) expect(error.message).toContain(problem);
  });
});

describe('changedConfigFields', () => {
  it('names the changed fields in declaration order', () => {
    const before = configWith({});
    const after = configWith({ geoReplication: true, heartbeatIntervalMs: 250, clusterName: 'renamed' });
    expect(changedConfigFields(before, after)).toEqual(['clusterName', 'heartbeatIntervalMs', 'geoReplication']);
    expect(changedConfigFields(before, configWith({}))).toEqual([]);
  });
});
