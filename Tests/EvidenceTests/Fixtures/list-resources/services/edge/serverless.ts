// A service written in TypeScript: its names are code, which PlanTrack does not run.
import type { AWS } from '@serverless/typescript';

const config: AWS = {
  service: 'catalog-edge',
  provider: { name: 'aws', region: 'us-west-2', stage: "${opt:stage, 'dev'}" },
};

module.exports = config;
