# Sourced by scripts/bench-probe.sh and scripts/bench-matrix.sh. bench_project DIR STACKS:
# a synthetic serverless project of STACKS services, each publishing two parameters.
bench_project() {
  local project=$1 stacks=$2 i
  mkdir -p "$project"
  for i in $(seq 1 "$stacks"); do
    mkdir -p "$project/svc$i"
    cat >"$project/svc$i/serverless.yml" <<YML
service: bench-svc$i
provider:
  name: aws
  region: us-west-2
  stage: \${opt:stage, 'dev'}
resources:
  Resources:
    A:
      Type: AWS::SSM::Parameter
      Properties: { Name: "/bench/\${sls:stage}/svc$i/a", Type: String, Value: x }
    B:
      Type: AWS::SSM::Parameter
      Properties: { Name: !Sub "/bench/\${sls:stage}/svc$i/b", Type: String, Value: !Ref A }
YML
  done
}
