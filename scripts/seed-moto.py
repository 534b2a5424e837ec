#!/usr/bin/env python3
"""Seeds a moto_server on loopback with the stacks of a serverless project.

Each serverless.yml under --project becomes a CloudFormation stack named as
Serverless would name it (provider.stackName, else ${service}-${stage}) whose
template holds the file's AWS::SSM::Parameter resources with their names
resolved for --stage; the other resources are left out (moto need not run
Lambda or Cognito for PlanTrack to see a stack and its parameters).

    seed-moto.py --endpoint http://127.0.0.1:PORT --region us-west-2 --stage dev \
        --project examples/listbackup [--skip infra/s3] [--delete services/auth] \
        [--drop-parameter /listbackup/dev/cognito/user-pool-arn] [--only infra]

--skip leaves a service undeployed, --delete deploys and then deletes its stack
(DELETE_COMPLETE), --drop-parameter deletes one parameter after deploying, --only
deploys only the services under the given folders. Refuses any endpoint that is
not on loopback: nothing here may reach AWS.
"""
import argparse
import json
import os
import re
import sys
from urllib.parse import urlparse

import boto3
import yaml


class _TagLoader(yaml.SafeLoader):
    """Keeps CloudFormation short-form tags as {"!Tag": value}."""


def _tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {"!" + suffix: value}


_TagLoader.add_multi_constructor("!", _tagged)


def resolve(text, doc, stage, region):
    """Just enough of Serverless' variables for the sample files."""
    def lookup(path):
        node = doc
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def one(body):
        for source in [s.strip() for s in body.split(",")]:
            if source in ("sls:stage", "opt:stage", "self:provider.stage"):
                return stage
            if source in ("opt:region", "aws:region", "self:provider.region"):
                return region
            if source[:1] in "'\"" and source[-1:] == source[:1]:
                return source[1:-1]
            if source.startswith("self:"):
                value = lookup(source[5:])
                if isinstance(value, str):
                    return resolve(value, doc, stage, region)
        raise ValueError("cannot resolve ${%s}" % body)

    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\$\{([^${}]*:[^${}]*)\}", lambda m: one(m.group(1)), text)
    return text


def cfn_name(node, doc, stage, region, stack):
    if isinstance(node, str):
        return resolve(node, doc, stage, region)
    if isinstance(node, dict) and len(node) == 1:
        (tag, value), = node.items()
        if tag in ("!Sub", "Fn::Sub") and isinstance(value, str):
            text = resolve(value, doc, stage, region)
            return text.replace("${AWS::Region}", region).replace("${AWS::StackName}", stack)
        if tag in ("!Join", "Fn::Join"):
            return value[0].join(cfn_name(part, doc, stage, region, stack) for part in value[1])
        if tag in ("!Ref", "Ref") and value == "AWS::Region":
            return region
    return None


def services(project, stage, region):
    for folder, dirs, files in os.walk(project):
        dirs[:] = sorted(d for d in dirs if d not in ("node_modules", ".serverless", ".git"))
        for name in files:
            if name not in ("serverless.yml", "serverless.yaml"):
                continue
            path = os.path.join(folder, name)
            doc = yaml.load(open(path), Loader=_TagLoader)
            service = doc["service"] if isinstance(doc["service"], str) else doc["service"]["name"]
            service = resolve(service, doc, stage, region)
            provider = doc.get("provider") or {}
            stack = resolve(provider["stackName"], doc, stage, region) if "stackName" in provider \
                else "%s-%s" % (service, stage)
            parameters = []
            resources = ((doc.get("resources") or {}).get("Resources")) or {}
            for logical, resource in resources.items():
                if resource.get("Type") == "AWS::SSM::Parameter":
                    name = cfn_name((resource.get("Properties") or {}).get("Name"), doc, stage, region, stack)
                    if name:
                        parameters.append((logical, name))
            yield os.path.relpath(folder, project), stack, parameters


def template(stack, parameters):
    resources = {
        logical: {"Type": "AWS::SSM::Parameter",
                  "Properties": {"Name": name, "Type": "String", "Value": "seeded-by-plantrack"}}
        for logical, name in parameters
    }
    if not resources:
        # A stack needs one resource; a wait-condition handle costs nothing and publishes nothing.
        resources["Placeholder"] = {"Type": "AWS::CloudFormation::WaitConditionHandle"}
    return json.dumps({"AWSTemplateFormatVersion": "2010-09-09",
                       "Description": "PlanTrack test double of %s" % stack, "Resources": resources})


def under(folder, prefixes):
    return any(folder == p.rstrip("/") or folder.startswith(p.rstrip("/") + "/") for p in prefixes)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", required=True)
    parser.add_argument("--stage", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--skip", action="append", default=[])
    parser.add_argument("--delete", action="append", default=[])
    parser.add_argument("--drop-parameter", action="append", default=[])
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    host = urlparse(args.endpoint).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("seed-moto.py: refusing endpoint %s: only loopback is allowed" % args.endpoint)
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=args.region)
    cfn = session.client("cloudformation", endpoint_url=args.endpoint)
    ssm = session.client("ssm", endpoint_url=args.endpoint)

    created = 0
    for folder, stack, parameters in services(args.project, args.stage, args.region):
        if args.only and not under(folder, args.only):
            continue
        if under(folder, args.skip):
            continue
        cfn.create_stack(StackName=stack, TemplateBody=template(stack, parameters))
        created += 1
        if under(folder, args.delete):
            cfn.delete_stack(StackName=stack)
            if not args.quiet:
                print("seeded and deleted %s" % stack)
        elif not args.quiet:
            print("seeded %s (%d parameters)" % (stack, len(parameters)))
    for name in args.drop_parameter:
        ssm.delete_parameter(Name=name)
        if not args.quiet:
            print("dropped parameter %s" % name)
    if not args.quiet:
        print("%d stacks in %s (%s)" % (created, args.region, args.endpoint))


if __name__ == "__main__":
    main()
