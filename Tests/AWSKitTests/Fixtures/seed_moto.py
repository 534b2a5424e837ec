#!/usr/bin/env python3
"""Seeds a moto_server on loopback for the AWSKit integration tests.

usage: seed_moto.py ENDPOINT PREFIX

Creates, under names that begin with PREFIX (so tests can share one moto):
- 110 stacks PREFIX-s000 .. PREFIX-s109; the first 3 publish an SSM parameter
  /PREFIX/stack/sNNN/id through an AWS::SSM::Parameter resource;
- PREFIX-s010 .. s012 updated (UPDATE_COMPLETE); PREFIX-s020, s021 deleted
  (DELETE_COMPLETE); PREFIX-s022 deleted and created again (live);
- 60 String parameters /PREFIX/app/pNN (pNN version 2 for p00), 3 under
  /PREFIX/app/deep/x/, and one SecureString /PREFIX/secret whose value must never
  show up in anything PlanTrack prints.
Prints a JSON summary. Refuses a non-loopback endpoint.
"""
import json
import sys
from urllib.parse import urlparse

import boto3

endpoint, prefix = sys.argv[1], sys.argv[2]
host = urlparse(endpoint).hostname
if host not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"seed_moto.py: refusing non-loopback endpoint {endpoint}")

kw = dict(endpoint_url=endpoint, region_name="us-east-1",
          aws_access_key_id="testing", aws_secret_access_key="testing")
cfn = boto3.client("cloudformation", **kw)
ssm = boto3.client("ssm", **kw)


def template(index, publish, marker="v1"):
    resources = {
        "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": f"{prefix}-t{index:03}-{marker}"}},
    }
    if publish:
        resources["Published"] = {
            "Type": "AWS::SSM::Parameter",
            "Properties": {"Name": f"/{prefix}/stack/s{index:03}/id", "Type": "String", "Value": f"id-{index}-{marker}"},
        }
    return json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources})


for i in range(110):
    cfn.create_stack(StackName=f"{prefix}-s{i:03}", TemplateBody=template(i, i < 3))
for i in (10, 11, 12):
    cfn.update_stack(StackName=f"{prefix}-s{i:03}", TemplateBody=template(i, i < 3, "v2"))
for i in (20, 21, 22):
    cfn.delete_stack(StackName=f"{prefix}-s{i:03}")
cfn.create_stack(StackName=f"{prefix}-s022", TemplateBody=template(22, False, "again"))

for i in range(60):
    ssm.put_parameter(Name=f"/{prefix}/app/p{i:02}", Value=f"value-{i}", Type="String")
ssm.put_parameter(Name=f"/{prefix}/app/p00", Value="value-0-b", Type="String", Overwrite=True)
for name in ("a", "b", "c"):
    ssm.put_parameter(Name=f"/{prefix}/app/deep/x/{name}", Value="deep", Type="String")
ssm.put_parameter(Name=f"/{prefix}/secret", Value="TOPSECRET-VALUE-7f3a", Type="SecureString")

print(json.dumps({"prefix": prefix, "stacks": 110, "parameters": 64}))
