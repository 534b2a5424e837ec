#!/usr/bin/env python3
"""Seeds a private moto_server with one fixture project's seed (FixtureProjectTests).

    seed.py --endpoint http://127.0.0.1:PORT '{"stacks": [...], "parameters": [...]}'

stacks: {"name", "region", "outputs": {"Key": "value"}?, "deleted": true?}; a deleted
stack is created and then deleted (DELETE_COMPLETE). parameters: {"name", "region",
"type": "String"?}. Refuses any endpoint that is not on loopback.
"""
import json
import sys
from urllib.parse import urlparse

import boto3


def client(service, endpoint, region):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="AKIAFIXTURE000000000", aws_secret_access_key="fixture")


def template(outputs):
    body = {"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}
    if outputs:
        body["Outputs"] = {key: {"Value": value} for key, value in outputs.items()}
    return json.dumps(body)


def main():
    endpoint, seed = sys.argv[2], json.loads(sys.argv[3])
    if urlparse(endpoint).hostname not in ("127.0.0.1", "localhost"):
        sys.exit(f"refusing {endpoint}: not loopback")
    for stack in seed.get("stacks", []):
        cloudformation = client("cloudformation", endpoint, stack["region"])
        cloudformation.create_stack(StackName=stack["name"], TemplateBody=template(stack.get("outputs")))
        if stack.get("deleted"):
            cloudformation.delete_stack(StackName=stack["name"])
    for parameter in seed.get("parameters", []):
        ssm = client("ssm", endpoint, parameter["region"])
        ssm.put_parameter(Name=parameter["name"], Value="seeded", Type=parameter.get("type", "String"))


if __name__ == "__main__":
    main()
